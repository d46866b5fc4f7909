//! `/me/community` (the resident's community and the chooser), `/me/waitlist` (the slots they
//! wait for), `POST /me/waitlist/<id>/leave` and `/me/messages` (their inbox).

use super::layout::{reader, Reader};
use crate::state::AppState;
use app::error::ErrorKind;
use app::model::{CommunitySummary, ListCommunitiesRequest};
use app::pages::{messages, my_community, my_waitlist, notice};
use axum::extract::{Path, Query, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// How many communities the chooser lists.
const LISTED: usize = 20;

/// The chooser's query string.
#[derive(Debug, Default, Deserialize)]
pub struct ChooserParams {
    /// A name to search for.
    #[serde(default)]
    q: String,
    /// `latitude,longitude` from the phone.
    #[serde(default)]
    near: String,
    /// The page to come back to.
    #[serde(default)]
    next: String,
}

/// The page that asks a visitor to sign in and come back.
fn sign_in_first(reader: &Reader, title: &'static str) -> Response {
    let lang = reader.lang();
    reader.private(title, || notice::sign_in_first(lang, title, None))
}

/// `/me/community?q=&near=&next=`: the resident's community, and the communities found by name
/// or near the position. A name too long or a position not on Earth: 422, said on the page.
pub async fn community(
    State(state): State<AppState>,
    Query(params): Query<ChooserParams>,
    request: Request,
) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let title = lang.texts().home_my_community;
    let Some(id) = reader.resident() else { return sign_in_first(&reader, title) };
    let current = match current(&state, id).await {
        Ok(current) => current,
        Err(error) => return reader.trouble(error),
    };
    let query = params.q.trim().to_owned();
    let position =
        params.near.split_once(',').and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)));
    let searched = !query.is_empty() || !params.near.is_empty();
    let found = if !params.near.is_empty() {
        match position {
            Some(at) => crate::directory::near(&state.store, &reader.caller, at, LISTED as i64).await,
            None => Err(app::error::AppError::invalid("near", lang.messages().err_position).into()),
        }
    } else if searched {
        let request = ListCommunitiesRequest { street_id: None, query: Some(query.clone()) };
        crate::directory::communities(&state.store, &reader.caller, request).await.map(|mut all| {
            all.truncate(LISTED);
            all
        })
    } else {
        Ok(Vec::new())
    };
    let failed = found.as_ref().is_err_and(|e| e.kind() == ErrorKind::Validation);
    let found = match found {
        Err(error) if error.kind() != ErrorKind::Validation => return reader.trouble(error.answer(lang).message),
        found => found.map_err(|error| error.answer(lang).message),
    };
    let next = if app::ui::router::is_local(&params.next) { params.next } else { String::new() };
    let choice = my_community::Choice { current, query, searched, found, next };
    let status = if failed { axum::http::StatusCode::UNPROCESSABLE_ENTITY } else { axum::http::StatusCode::OK };
    super::layout::respond(status, reader.page(title, None, || my_community::page(lang, choice)))
}

/// The community the resident chose, if any.
async fn current(state: &AppState, resident: i64) -> Result<Option<CommunitySummary>, sqlx::Error> {
    let row: Option<crate::store::rows::CommunityRow> = sqlx::query_as(
        "SELECT c.id, c.name, s.id AS street_id, s.name AS street_name FROM users u \
         JOIN communities c ON c.id = u.community_id JOIN streets s ON s.id = c.street_id WHERE u.id = $1",
    )
    .bind(resident)
    .fetch_optional(&state.store.pool)
    .await?;
    Ok(row.map(CommunitySummary::from))
}

/// `/me/waitlist`: the slots the resident waits for.
pub async fn waitlist(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let title = lang.texts().my_waitlist;
    if reader.resident().is_none() {
        return sign_in_first(&reader, title);
    }
    match crate::booking::waitlist::mine(&state.booking, &reader.caller).await {
        Ok(places) => reader.private(title, || my_waitlist::page(lang, places)),
        Err(error) => reader.trouble(error.answer(lang).message),
    }
}

/// `POST /me/waitlist/<id>/leave`: leaves it, then shows the list again. Another site's form or
/// not a resident: 403; not theirs: 404.
pub async fn leave_waitlist(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let cross_site = crate::http::api::is_cross_site(request.headers());
    let reader = reader(&state, request).await;
    if cross_site || reader.resident().is_none() {
        return reader.forbidden();
    }
    let Ok(id) = id.parse::<i64>() else { return reader.not_found() };
    match crate::booking::waitlist::leave(&state.booking, &reader.caller, id).await {
        Ok(()) => Redirect::to("/me/waitlist").into_response(),
        Err(error) if error.kind() == ErrorKind::NotFound => reader.not_found(),
        Err(error) => reader.trouble(error.answer(reader.lang()).message),
    }
}

/// `/me/messages`: the resident's messages, each opening what it is about.
pub async fn inbox(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let title = lang.texts().inbox;
    if reader.resident().is_none() {
        return sign_in_first(&reader, title);
    }
    match state.auth.inbox(&reader.caller, app::model::Empty {}).await {
        Ok(notices) => reader.private(title, || messages::page(lang, notices)),
        Err(error) => reader.trouble(error.answer(lang).message),
    }
}
