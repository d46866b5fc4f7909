//! The month's theme pages: `/quiz` and taking the quiz from it (a resident), `/staff/themes` and
//! setting a month's theme from it (the district's staff; a street's staff read its figures).
//! Each calls the same feature functions as the JSON API; a form from another site, or from an
//! account of the wrong role, is refused before anything is read.

use super::layout::{field, number, posted, reader, respond, Fields, Reader};
use crate::quizzes;
use crate::state::AppState;
use crate::store::today;
use app::i18n::QuizTexts;
use app::model::{Empty, QuizMonth, QuizQuestionDraft, SaveTheme, TakeQuiz};
use app::pages::quiz as page;
use axum::extract::{Query, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

const FORM_BYTES: usize = 32 * 1024;

/// `/quiz`.
pub async fn resident(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    show(&state, &reader, StatusCode::OK, None).await
}

async fn show(state: &AppState, reader: &Reader, status: StatusCode, problem: Option<String>) -> Response {
    let lang = reader.lang();
    match quizzes::current(&state.store, &reader.caller, Empty {}).await {
        Ok(theme) => {
            let signed_in = reader.resident().is_some();
            respond(
                status,
                reader.page(QuizTexts::of(lang).title, None, || page::resident(lang, theme, signed_in, problem)),
            )
        }
        Err(failure) => reader.refused(failure),
    }
}

/// `POST /quiz`: the resident's choices (`q0`, `q1`, …), then the page with the result.
pub async fn take(State(state): State<AppState>, request: Request) -> Response {
    let (reader, form) = posted::<Fields>(&state, request, FORM_BYTES).await;
    let Some(Ok(fields)) = form.filter(|_| reader.resident().is_some()) else { return reader.forbidden() };
    // A question left unanswered is sent as an impossible choice, refused with the others.
    let asked = fields.iter().filter(|(k, _)| k.starts_with('q') && k[1..].parse::<usize>().is_ok()).count();
    let choices = (0..asked).map(|k| field(&fields, &format!("q{k}")).parse().unwrap_or(-1)).collect();
    let done =
        quizzes::take(&state.store, &reader.caller, TakeQuiz { month: field(&fields, "month").to_owned(), choices });
    reader
        .after_form(done.await.map(|_| "/quiz".to_owned()), |status, message| {
            show(&state, &reader, status, Some(message))
        })
        .await
}

/// The month asked for: this one unless given.
#[derive(Debug, Default, Deserialize)]
pub struct Month {
    #[serde(default)]
    month: Option<String>,
}

/// `/staff/themes?month=`.
pub async fn staff(State(state): State<AppState>, Query(asked): Query<Month>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    if !reader.is_staff() {
        return reader.not_theirs(QuizTexts::of(reader.lang()).title_staff);
    }
    let this = today();
    let month = asked.month.unwrap_or_else(|| format!("{:04}-{:02}", this.year, this.month));
    show_staff(&state, &reader, month, StatusCode::OK, None).await
}

async fn show_staff(
    state: &AppState,
    reader: &Reader,
    month: String,
    status: StatusCode,
    problem: Option<String>,
) -> Response {
    let lang = reader.lang();
    let stats = match quizzes::stats(&state.store, &reader.caller, QuizMonth { month: month.clone() }).await {
        Ok(stats) => stats,
        Err(failure) => return reader.refused(failure),
    };
    let district = reader.is_district_staff();
    let theme = match quizzes::read(&state.store, &month, None).await {
        Ok(Some(theme)) => match quizzes::answers(&state.store, &month).await {
            Ok(answers) => Some((theme, answers)),
            Err(error) => return reader.trouble(error),
        },
        Ok(None) => None,
        Err(error) => return reader.trouble(error),
    };
    respond(
        status,
        reader.page(QuizTexts::of(lang).title_staff, None, || page::staff(lang, stats, theme, district, problem)),
    )
}

/// `POST /staff/themes`: saves the month's theme from the form's filled question blocks.
pub async fn save(State(state): State<AppState>, request: Request) -> Response {
    let (reader, form) = posted::<Fields>(&state, request, FORM_BYTES).await;
    let Some(Ok(fields)) = form.filter(|_| reader.is_district_staff()) else { return reader.forbidden() };
    let questions = (0..page::FORM_QUESTIONS)
        .filter(|k| !field(&fields, &format!("q{k}_prompt")).trim().is_empty())
        .map(|k| QuizQuestionDraft {
            prompt: field(&fields, &format!("q{k}_prompt")).to_owned(),
            options: (0..4)
                .map(|j| field(&fields, &format!("q{k}_option{j}")).to_owned())
                .filter(|o| !o.trim().is_empty())
                .collect(),
            answer: number(&fields, &format!("q{k}_answer")),
        })
        .collect();
    let month = field(&fields, "month").to_owned();
    let asked = SaveTheme {
        month: month.clone(),
        title: field(&fields, "title").to_owned(),
        intro: field(&fields, "intro").to_owned(),
        questions,
    };
    let done = quizzes::save(&state.store, &reader.caller, asked).await;
    reader
        .after_form(done.map(|_| format!("/staff/themes?month={month}")), |status, message| {
            show_staff(&state, &reader, month.clone(), status, Some(message))
        })
        .await
}
