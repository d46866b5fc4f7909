//! `/staff/points` and its forms: service points beyond communities and the streets' lecture
//! targets. The page calls the same feature functions as the JSON API; a form from another
//! site, or from an account that may not set them, is refused before anything is read.

use super::layout::{field, number, posted, reader, respond, Fields, Reader};
use crate::points;
use crate::state::AppState;
use crate::store::today;
use app::i18n::PointTexts;
use app::model::{LectureTarget, NewServicePoint, YearRequest};
use app::pages::points as page;
use axum::extract::{Query, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

const FORM_BYTES: usize = 8 * 1024;

/// The year asked for: this one unless given.
#[derive(Debug, Default, Deserialize)]
pub struct Year {
    #[serde(default)]
    year: Option<i32>,
}

/// `/staff/points?year=`.
pub async fn staff(State(state): State<AppState>, Query(asked): Query<Year>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    if !reader.is_staff() {
        return reader.not_theirs(PointTexts::of(reader.lang()).title);
    }
    show(&state, &reader, asked.year.unwrap_or(today().year), StatusCode::OK, None).await
}

async fn show(state: &AppState, reader: &Reader, year: i32, status: StatusCode, problem: Option<String>) -> Response {
    let lang = reader.lang();
    match points::list(&state.store, &reader.caller, YearRequest { year }).await {
        Ok(listed) => {
            let may = reader.is_district_staff();
            respond(status, reader.page(PointTexts::of(lang).title, None, || page::staff(lang, listed, may, problem)))
        }
        Err(failure) => reader.refused(failure),
    }
}

/// `POST /staff/points`: adds a point or sets a target, then the page again.
pub async fn act(State(state): State<AppState>, request: Request) -> Response {
    let (reader, form) = posted::<Fields>(&state, request, FORM_BYTES).await;
    let Some(Ok(fields)) = form.filter(|_| reader.is_district_staff()) else { return reader.forbidden() };
    let (store, caller) = (&state.store, &reader.caller);
    let year = i32::try_from(number(&fields, "year")).ok().filter(|y| *y > 0).unwrap_or(today().year);
    let done = match field(&fields, "action") {
        "add" => {
            let asked = NewServicePoint {
                street_id: number(&fields, "street_id"),
                name: field(&fields, "name").to_owned(),
                kind: field(&fields, "kind").to_owned(),
                office_address: field(&fields, "office_address").to_owned(),
            };
            points::save(store, caller, asked).await.map(drop)
        }
        "target" => {
            // An emptied box clears the target.
            let target = field(&fields, "target").trim();
            let target = if target.is_empty() { 0 } else { target.parse().unwrap_or(-1) };
            let asked = LectureTarget { street_id: number(&fields, "street_id"), year, target };
            points::set_target(store, caller, asked).await.map(drop)
        }
        _ => return reader.not_found(),
    };
    reader
        .after_form(done.map(|()| format!("/staff/points?year={year}")), |status, message| {
            show(&state, &reader, year, status, Some(message))
        })
        .await
}
