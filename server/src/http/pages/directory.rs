//! `/streets/<id>` and `/communities/<id>`: the directory as pages the server renders, and
//! `POST /communities/<id>/mine`, a resident making a community theirs. None of it is in the
//! residents' wasm, and a resident who scans a poster reads the team at once.

use super::layout::{reader, respond, Reader};
use crate::state::AppState;
use app::domain::Role;
use app::error::ErrorKind;
use app::model::{CommunityDetail, CommunityRequest, ListCommunitiesRequest};
use app::pages::community::{self, Mine};
use app::pages::street;
use axum::extract::{Path, Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// A street page's query string.
#[derive(Debug, Default, Deserialize)]
pub struct StreetParams {
    #[serde(default)]
    q: String,
}

/// `/streets/<id>?q=`: the street's communities, narrowed by a name; 404 for a street not
/// serving, 422 for a name too long to search.
pub async fn street(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(params): Query<StreetParams>,
    request: Request,
) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let Ok(id) = id.parse::<i64>() else { return reader.not_found() };
    let streets = match crate::directory::streets(&state.store, &reader.caller, app::model::Empty {}).await {
        Ok(streets) => streets,
        Err(error) => return reader.trouble(error.answer(lang).message),
    };
    let Some(name) = streets.into_iter().find(|s| s.id == id).map(|s| s.name) else { return reader.not_found() };
    let request = ListCommunitiesRequest { street_id: Some(id), query: Some(params.q.clone()) };
    let found = match crate::directory::communities(&state.store, &reader.caller, request).await {
        Err(error) if error.kind() == ErrorKind::NotFound => Ok(Vec::new()),
        found => found.map_err(|error| error.answer(lang).message),
    };
    let title = name.clone();
    if found.is_err() {
        let page = reader.page(&title, None, || street::page(lang, name, found, params.q));
        return respond(StatusCode::UNPROCESSABLE_ENTITY, page);
    }
    reader.public(&title, || street::page(lang, name, found, params.q))
}

/// What the community page offers the reader about making it theirs.
async fn mine(state: &AppState, reader: &Reader, id: i64) -> Result<Mine, sqlx::Error> {
    let Ok(user) = reader.caller.user() else { return Ok(Mine::SignIn) };
    if user.role != Role::Resident {
        return Ok(Mine::Nothing);
    }
    let theirs: Option<i64> = sqlx::query_scalar("SELECT community_id FROM users WHERE id = $1")
        .bind(user.id)
        .fetch_one(&state.store.pool)
        .await?;
    Ok(if theirs == Some(id) { Mine::Already } else { Mine::Offer })
}

/// Community `id` (as written in the address) serving today with its team, or the page to answer
/// instead: 404 for none.
pub(super) async fn serving(state: &AppState, reader: &Reader, id: &str) -> Result<CommunityDetail, Response> {
    let lang = reader.lang();
    let Ok(id) = id.parse::<i64>() else { return Err(reader.not_found()) };
    match crate::directory::community(&state.store, &reader.caller, CommunityRequest { community_id: id }).await {
        Ok(detail) => Ok(detail),
        Err(error) if error.kind() == ErrorKind::NotFound => Err(reader.not_found()),
        Err(error) => Err(reader.trouble(error.answer(lang).message)),
    }
}

/// `/communities/<id>`: the community serving today with its team; 404 otherwise.
pub async fn community(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let detail = match serving(&state, &reader, &id).await {
        Ok(detail) => detail,
        Err(answer) => return answer,
    };
    let id = detail.id;
    let mine = match mine(&state, &reader, id).await {
        Ok(mine) => mine,
        Err(error) => return reader.trouble(error),
    };
    let title = detail.name.clone();
    reader.private(&title, || community::page(lang, detail, mine))
}

/// Where making a community one's own leads: the page that asked (`?next=`, a path of this site).
#[derive(Debug, Default, Deserialize)]
pub struct MineParams {
    #[serde(default)]
    next: String,
}

/// `POST /communities/<id>/mine?next=`: the signed-in resident makes it their community, then
/// goes on to `next` (asking a question, say) or sees the community again. Another site's form,
/// a worker or a visitor: 403; a community not serving: 404.
pub async fn make_mine(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(params): Query<MineParams>,
    request: Request,
) -> Response {
    let cross_site = crate::http::api::is_cross_site(request.headers());
    let reader = reader(&state, request).await;
    if cross_site || reader.resident().is_none() {
        return reader.forbidden();
    }
    let Ok(id) = id.parse::<i64>() else { return reader.not_found() };
    match state.auth.set_my_community(&reader.caller, CommunityRequest { community_id: id }).await {
        Ok(_) if app::ui::router::is_local(&params.next) => Redirect::to(&params.next).into_response(),
        Ok(_) => Redirect::to(&format!("/communities/{id}")).into_response(),
        Err(error) if error.kind() == ErrorKind::NotFound => reader.not_found(),
        Err(error) => reader.trouble(error.answer(reader.lang()).message),
    }
}
