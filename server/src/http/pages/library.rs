//! `/library` and `/library/<id>`: find a template by a word (no script needed) and download it.

use super::layout::reader;
use crate::state::AppState;
use app::domain::Topic;
use app::error::ErrorKind;
use app::model::{DocumentRequest, LibraryQuery};
use app::pages::library;
use axum::extract::{Path, Query, Request, State};
use axum::response::Response;
use serde::Deserialize;

/// The library page's query string.
#[derive(Debug, Default, Deserialize)]
pub struct LibraryParams {
    #[serde(default)]
    q: String,
    #[serde(default)]
    category: String,
}

/// `/library?q=&category=`: search the library; works without any script.
pub async fn search(State(state): State<AppState>, Query(params): Query<LibraryParams>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let category = Topic::from_db(&params.category);
    let query = LibraryQuery { query: Some(params.q.clone()), category };
    let found = state.library.search(&reader.caller, query).await.map_err(|e| e.answer(lang).message);
    reader.public(lang.messages().page_library, || library::search(lang, params.q, category, found))
}

/// `/library/<id>`: one document with every version.
pub async fn document(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let Ok(id) = id.parse::<i64>() else { return reader.not_found() };
    let detail = match state.library.document(&reader.caller, DocumentRequest { document_id: id }).await {
        Ok(detail) => detail,
        Err(e) if e.kind() == ErrorKind::NotFound => return reader.not_found(),
        Err(error) => return reader.trouble(error.answer(lang).message),
    };
    let title = detail.document.title.clone();
    reader.public(&title, || library::document(lang, detail))
}
