//! The yearly evaluation's pages: `/staff/evaluations` and concluding from it (staff),
//! `/evaluation` and answering from it (a lawyer). Each calls the same feature functions as the
//! JSON API; a form from another site, or from an account of the wrong role, is refused before
//! anything is read.

use super::layout::{posted, reader, respond, Reader};
use crate::evaluation;
use crate::state::AppState;
use crate::store::today;
use app::domain::Role;
use app::i18n::EvaluationTexts;
use app::model::{Conclude, EvaluationAnswer, ScorecardRequest, YearRequest};
use app::pages::evaluations as page;
use axum::extract::{Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

const FORM_BYTES: usize = 16 * 1024;

/// The year asked for: this one unless given.
#[derive(Debug, Default, Deserialize)]
pub struct Year {
    #[serde(default)]
    year: Option<i32>,
}

/// `/staff/evaluations?year=`.
pub async fn staff(State(state): State<AppState>, Query(asked): Query<Year>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    if !reader.is_staff() {
        return reader.not_theirs(EvaluationTexts::of(reader.lang()).title);
    }
    show_staff(&state, &reader, asked.year.unwrap_or(today().year), StatusCode::OK, None).await
}

async fn show_staff(
    state: &AppState,
    reader: &Reader,
    year: i32,
    status: StatusCode,
    problem: Option<String>,
) -> Response {
    let lang = reader.lang();
    match evaluation::scorecards(&state.evaluation, &reader.caller, ScorecardRequest { year, street: None }).await {
        Ok(cards) => respond(
            status,
            reader.page(EvaluationTexts::of(lang).title, None, || page::staff(lang, year, cards, problem)),
        ),
        Err(failure) => reader.refused(failure),
    }
}

#[derive(Deserialize)]
struct ConcludeForm {
    lawyer_id: i64,
    year: i32,
    conclusion: String,
    #[serde(default)]
    comment: String,
}

/// `POST /staff/evaluations`: concludes, then the year's page again.
pub async fn conclude(State(state): State<AppState>, request: Request) -> Response {
    let (reader, form) = posted::<ConcludeForm>(&state, request, FORM_BYTES).await;
    let Some(form) = form.filter(|_| reader.is_staff()) else { return reader.forbidden() };
    let Ok(form) = form else {
        let message = reader.lang().texts().err_bad_request.to_owned();
        return show_staff(&state, &reader, today().year, StatusCode::BAD_REQUEST, Some(message)).await;
    };
    let year = form.year;
    let asked = Conclude { lawyer_id: form.lawyer_id, year, conclusion: form.conclusion, comment: form.comment };
    match evaluation::conclude(&state.evaluation, &reader.caller, asked).await {
        Ok(_) => Redirect::to(&format!("/staff/evaluations?year={year}")).into_response(),
        Err(failure) => {
            let (status, message) = reader.refusal(failure);
            show_staff(&state, &reader, year, status, Some(message)).await
        }
    }
}

/// `/evaluation?year=`: the lawyer's own card.
pub async fn mine(State(state): State<AppState>, Query(asked): Query<Year>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    if !reader.is(Role::Lawyer) {
        return reader.not_theirs(EvaluationTexts::of(reader.lang()).title_mine);
    }
    show_mine(&state, &reader, asked.year.unwrap_or(today().year), StatusCode::OK, None).await
}

async fn show_mine(
    state: &AppState,
    reader: &Reader,
    year: i32,
    status: StatusCode,
    problem: Option<String>,
) -> Response {
    let lang = reader.lang();
    match evaluation::mine(&state.evaluation, &reader.caller, YearRequest { year }).await {
        Ok(card) => {
            respond(status, reader.page(EvaluationTexts::of(lang).title_mine, None, || page::mine(lang, card, problem)))
        }
        Err(failure) => reader.refused(failure),
    }
}

#[derive(Deserialize)]
struct AnswerForm {
    year: i32,
    answer: String,
}

/// `POST /evaluation`: the lawyer's answer, then their page again.
pub async fn answer(State(state): State<AppState>, request: Request) -> Response {
    let (reader, form) = posted::<AnswerForm>(&state, request, FORM_BYTES).await;
    let Some(form) = form.filter(|_| reader.is(Role::Lawyer)) else { return reader.forbidden() };
    let Ok(form) = form else { return reader.not_found() };
    let year = form.year;
    match evaluation::answer(&state.evaluation, &reader.caller, EvaluationAnswer { year, answer: form.answer }).await {
        Ok(_) => Redirect::to(&format!("/evaluation?year={year}")).into_response(),
        Err(failure) => {
            let (status, message) = reader.refusal(failure);
            show_mine(&state, &reader, year, status, Some(message)).await
        }
    }
}
