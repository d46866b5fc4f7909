//! Quality review's pages: `/staff/reviews` with drawing a sample and scoring its items (staff),
//! and `/reviews`, the findings on a lawyer's own work. Each calls the same feature functions as
//! the JSON API; a form from another site, or from an account of the wrong role, is refused
//! before anything is read.

use super::layout::{field, number, posted, reader, respond, Fields, Reader};
use crate::evaluation;
use crate::state::AppState;
use crate::store::today;
use app::domain::Role;
use app::i18n::EvaluationTexts;
use app::model::{DrawReview, Empty, ScoreItem};
use app::pages::reviews as page;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;

const FORM_BYTES: usize = 16 * 1024;

/// A checklist has at most this many items (`REVIEW_CHECKLIST`), so a form cannot ask for more.
const MOST_CHECKS: i64 = 10;

/// `/staff/reviews`.
pub async fn staff(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    if !reader.is_staff() {
        return reader.not_theirs(EvaluationTexts::of(reader.lang()).review_title);
    }
    show_staff(&state, &reader, StatusCode::OK, None).await
}

async fn show_staff(state: &AppState, reader: &Reader, status: StatusCode, problem: Option<String>) -> Response {
    let lang = reader.lang();
    // Last month, the period a monthly review looks at.
    let end = app::time::LocalDate { day: 1, ..today() }.plus_days(-1);
    let period = (app::time::LocalDate { day: 1, ..end }.to_string(), end.to_string());
    match evaluation::reviews(&state.evaluation, &reader.caller, Empty {}).await {
        Ok(reviews) => respond(
            status,
            reader.page(EvaluationTexts::of(lang).review_title, None, || page::staff(lang, reviews, period, problem)),
        ),
        Err(failure) => reader.refused(failure),
    }
}

/// `POST /staff/reviews`: draws a sample or scores an item, then the page again.
pub async fn act(State(state): State<AppState>, request: Request) -> Response {
    let (reader, form) = posted::<Fields>(&state, request, FORM_BYTES).await;
    let Some(Ok(fields)) = form.filter(|_| reader.is_staff()) else { return reader.forbidden() };
    let (service, caller) = (&state.evaluation, &reader.caller);
    let done = match field(&fields, "action") {
        "draw" => {
            let seed = field(&fields, "seed").trim();
            let asked = DrawReview {
                from: field(&fields, "from").to_owned(),
                to: field(&fields, "to").to_owned(),
                size: number(&fields, "size"),
                // A seed that is not a number is refused as one out of range.
                seed: (!seed.is_empty()).then(|| seed.parse().unwrap_or(-1)),
                street: None,
            };
            evaluation::draw_review(service, caller, asked).await.map(drop)
        }
        "score" => {
            let count = number(&fields, "checks").clamp(0, MOST_CHECKS);
            let checks = (0..count).map(|k| field(&fields, &format!("check_{k}")) == "1").collect();
            let asked = ScoreItem {
                item_id: number(&fields, "item_id"),
                checks,
                findings: field(&fields, "findings").to_owned(),
            };
            evaluation::score_item(service, caller, asked).await.map(drop)
        }
        _ => return reader.not_found(),
    };
    reader
        .after_form(done.map(|()| "/staff/reviews".to_owned()), |status, message| {
            show_staff(&state, &reader, status, Some(message))
        })
        .await
}

/// `/reviews`: the lawyer's findings.
pub async fn mine(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    if !reader.is(Role::Lawyer) {
        return reader.not_theirs(EvaluationTexts::of(lang).review_title_mine);
    }
    match evaluation::my_findings(&state.evaluation, &reader.caller, Empty {}).await {
        Ok(items) => respond(
            StatusCode::OK,
            reader.page(EvaluationTexts::of(lang).review_title_mine, None, || page::mine(lang, items)),
        ),
        Err(failure) => reader.refused(failure),
    }
}
