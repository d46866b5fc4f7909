//! `/me/files` (我的资料): a resident's files for their community's lawyers, and what the lawyers
//! sent back.

use super::layout::reader;
use crate::state::AppState;
use app::model::Empty;
use app::pages::my_files::{self, Matter};
use app::time::Instant;
use axum::extract::{Request, State};
use axum::response::Response;

/// A booking a file can go with, as stored.
#[derive(sqlx::FromRow)]
struct MatterRow {
    id: i64,
    code: String,
    slot_start: i64,
    community: String,
}

/// `/me/files`.
pub async fn page(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let title = lang.messages().page_my_files;
    let Some(resident) = reader.resident() else { return reader.private(title, || my_files::signed_out(lang)) };
    let files = match crate::files::private::mine(&state.store, &reader.caller, Empty {}).await {
        Ok(files) => files,
        Err(error) => return reader.trouble(error.answer(lang).message),
    };
    // A file can go with one of the resident's bookings, upcoming or of the last month.
    let rows: Vec<MatterRow> = match sqlx::query_as(
        "SELECT b.id, b.code, b.slot_start, c.name AS community FROM bookings b JOIN communities c ON c.id = b.community_id \
         WHERE b.resident_id = $1 AND b.slot_end > $2 AND b.status IN ('pending', 'confirmed', 'completed') \
         ORDER BY b.slot_start",
    )
    .bind(resident)
    .bind(crate::store::now_ms() - 30 * 86_400_000)
    .fetch_all(&state.store.pool)
    .await
    {
        Ok(rows) => rows,
        Err(error) => return reader.trouble(error),
    };
    let matters = rows
        .into_iter()
        .map(|r| Matter { id: r.id, code: r.code, start: Instant(r.slot_start), community: r.community })
        .collect();
    let max = state.files.max_upload_bytes;
    super::layout::respond(
        axum::http::StatusCode::OK,
        reader.page(title, Some("/my-files.js"), || my_files::page(lang, files, matters, max)),
    )
}
