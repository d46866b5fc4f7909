//! Printable posters for office doors and notice boards: `/posters/communities/<id>` (one A4
//! sheet), `/posters/streets/<id>` (every community of a street, one to a sheet) and
//! `/posters/qr/<id>.svg`, the QR code to a community's page. Public, like the pages they
//! point to.

use super::layout::reader;
use crate::state::AppState;
use app::model::{CommunityDetail, CommunityRequest};
use app::pages::poster;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use qrcode::render::svg;
use qrcode::QrCode;

/// A community's page, as its QR code opens it.
fn link(state: &AppState, community_id: i64) -> String {
    format!("{}/communities/{community_id}", state.config.public_url.trim_end_matches('/'))
}

fn printed(html: String) -> Response {
    let mut response = (StatusCode::OK, Html(html)).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// `/posters/communities/<id>`.
pub async fn community(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let detail = match super::directory::serving(&state, &reader, &id).await {
        Ok(detail) => detail,
        Err(answer) => return answer,
    };
    let id = detail.id;
    let title = format!("{} {}", detail.street_name, detail.name);
    let (qr, link) = (format!("/posters/qr/{id}.svg"), link(&state, id));
    printed(app::pages::render_print(lang, &title, || poster::poster(lang, detail, qr, link)))
}

/// `/posters/streets/<id>`: the street's communities in their order.
pub async fn street(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let Ok(id) = id.parse::<i64>() else { return reader.not_found() };
    let ids: Vec<i64> = match sqlx::query_scalar(
        "SELECT id FROM communities WHERE street_id = $1 AND (last_day IS NULL OR last_day >= $2) ORDER BY id",
    )
    .bind(id)
    .bind(crate::store::today().to_string())
    .fetch_all(&state.store.pool)
    .await
    {
        Ok(ids) if ids.is_empty() => return reader.not_found(),
        Ok(ids) => ids,
        Err(error) => return reader.trouble(error),
    };
    let mut posters: Vec<(CommunityDetail, String, String)> = Vec::with_capacity(ids.len());
    for community_id in ids {
        match crate::directory::community(&state.store, &reader.caller, CommunityRequest { community_id }).await {
            Ok(detail) => posters.push((detail, format!("/posters/qr/{community_id}.svg"), link(&state, community_id))),
            Err(error) => return reader.trouble(error.answer(lang).message),
        }
    }
    let title = posters.first().map(|(d, _, _)| d.street_name.clone()).unwrap_or_default();
    printed(app::pages::render_print(lang, &title, || poster::posters(lang, posters)))
}

/// `/posters/qr/<id>.svg`: the QR code of a community's page (any id: the code only says where).
pub async fn qr(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(id) = file.strip_suffix(".svg").and_then(|id| id.parse::<i64>().ok()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Ok(code) = QrCode::new(link(&state, id).as_bytes()) else { return StatusCode::NOT_FOUND.into_response() };
    let picture = code.render::<svg::Color>().min_dimensions(220, 220).quiet_zone(true).build();
    let mut response = picture.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/svg+xml"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400"));
    response
}
