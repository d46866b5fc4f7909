//! `POST /api/files/upload?name=<file name>`: the one way bytes come in. The body is the file
//! itself (no multipart: a phone sends one file per request and can show its progress). The
//! answer is the stored file (201), or an error in the caller's language with nothing stored.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::files::blobs::Blobs;
use crate::files::inspect::{self, Cleaned, Rejection};
use crate::files::{file_ref, FileRow, FilesService, FILE_COLUMNS, UPLOADS_PER_DAY};
use crate::http::api::{error_response, is_cross_site};
use crate::http::caller::{self, request_lang};
use crate::http::deadline::within;
use crate::state::AppState;
use crate::store::{lock_user, now_ms};
use app::domain::{clean_file_name, Role};
use app::error::{AppError, ErrorKind};
use app::model::FileRef;
use app::time::Instant;
use axum::body::Body;
use axum::extract::{ConnectInfo, Query, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use http_body_util::BodyExt;
use rand::RngCore;
use serde::Deserialize;
use std::net::SocketAddr;
use std::time::Duration;

/// The upload's query string.
#[derive(Debug, Deserialize)]
pub struct UploadQuery {
    /// The file's name on the sender's device.
    #[serde(default)]
    name: String,
}

/// Receives one file.
pub async fn handle(State(state): State<AppState>, Query(query): Query<UploadQuery>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let lang = request_lang(&parts.headers);
    if is_cross_site(&parts.headers) {
        return error_response(AppError::new(ErrorKind::Forbidden, lang.messages().err_cross_site));
    }
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    let caller = caller::resolve(&state, &parts.headers, peer).await;
    if let Err(error) = caller.user() {
        return error_response(error);
    }
    let limit = state.files.max_upload_bytes;
    let declared = parts.headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return error_response(too_large(&caller));
    }
    let bytes = match read_body(body, limit, state.config.upload_idle_timeout).await {
        Ok(bytes) => bytes,
        Err(BodyError::TooLarge) => return error_response(too_large(&caller)),
        Err(BodyError::Stalled) => {
            return error_response(AppError::new(ErrorKind::BadRequest, caller.lang.messages().err_upload_stalled))
        }
    };
    let received = async {
        let cleaned = match state.files.heavy.run(move || inspect::inspect(&bytes)).await {
            Some(Ok(cleaned)) => cleaned,
            Some(Err(rejection)) => return Err(rejected(&caller, rejection).into()),
            None => return Err(caller.error(ErrorKind::Internal).into()),
        };
        state.files.store_upload(&caller, &query.name, cleaned).await
    };
    match within(state.config.request_deadline, received).await {
        Some(Ok(file)) => (StatusCode::CREATED, Json(file)).into_response(),
        Some(Err(error)) => error_response(error.answer(caller.lang)),
        None => error_response(caller.error(ErrorKind::Unavailable)),
    }
}

/// Why an upload's bytes could not be read.
enum BodyError {
    /// More than the limit.
    TooLarge,
    /// Nothing arrived for the idle timeout, or the connection broke.
    Stalled,
}

/// The body, up to `limit` bytes, as long as something arrives every `idle`.
async fn read_body(mut body: Body, limit: usize, idle: Duration) -> Result<Vec<u8>, BodyError> {
    let mut bytes = Vec::new();
    loop {
        let frame = tokio::time::timeout(idle, body.frame()).await.map_err(|_| BodyError::Stalled)?;
        let Some(frame) = frame else { return Ok(bytes) };
        let Ok(data) = frame.map_err(|_| BodyError::Stalled)?.into_data() else { continue };
        if bytes.len() + data.len() > limit {
            return Err(BodyError::TooLarge);
        }
        bytes.extend_from_slice(&data);
    }
}

fn too_large(caller: &Caller) -> AppError {
    AppError::new(ErrorKind::TooLarge, caller.lang.messages().err_file_too_large)
}

/// The caller's error for a refused upload.
pub fn rejected(caller: &Caller, rejection: Rejection) -> AppError {
    let t = caller.lang.messages();
    let message = match rejection {
        Rejection::Empty => t.err_file_empty,
        Rejection::Type => t.err_file_type,
        Rejection::Damaged => t.err_file_damaged,
        Rejection::Active => t.err_file_active,
        Rejection::TooBig => {
            return AppError { kind: ErrorKind::TooLarge, ..AppError::invalid("file", t.err_file_too_big_inside) }
        }
    };
    AppError::invalid("file", message)
}

impl FilesService {
    /// Stores a cleaned upload as the caller's pending file, within the caller's daily limit
    /// (counted and written in one transaction, after locking the account).
    pub async fn store_upload(&self, caller: &Caller, name: &str, cleaned: Cleaned) -> Result<FileRef, Failure> {
        let user = caller.user()?;
        let now = now_ms();
        let day_start = Instant(now).to_shanghai().0.start().0;
        let limit = if user.role == Role::Resident { UPLOADS_PER_DAY[0] } else { UPLOADS_PER_DAY[1] };
        let key = Blobs::key_of(&cleaned.bytes);
        let thumb_key = cleaned.thumb.as_deref().map(Blobs::key_of);
        let size = i64::try_from(cleaned.bytes.len()).unwrap_or(i64::MAX);
        let name = clean_file_name(name, cleaned.kind);
        let mut token = [0u8; 16];
        rand::thread_rng().fill_bytes(&mut token);
        let token: String = token.iter().map(|b| format!("{b:02x}")).collect();

        let mut tx = self.store.writer().begin().await?;
        lock_user(&mut tx, user.id).await?;
        let today: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM files WHERE uploaded_by = $1 AND created_at >= $2")
            .bind(user.id)
            .bind(day_start)
            .fetch_one(&mut *tx)
            .await?;
        if today >= limit {
            return Err(AppError::new(ErrorKind::RateLimited, caller.lang.messages().err_too_many_uploads).into());
        }
        // The blob's lock: the retention job removes bytes only while no live row names them.
        for blob in std::iter::once(&key).chain(thumb_key.as_ref()) {
            crate::store::lock_key(&mut tx, &format!("blob:{blob}")).await?;
        }
        self.blobs.put(&key, cleaned.bytes).await?;
        if let (Some(thumb_key), Some(thumb)) = (&thumb_key, cleaned.thumb) {
            self.blobs.put(thumb_key, thumb).await?;
        }
        let row: FileRow = sqlx::query_as(&format!(
            "INSERT INTO files (token, blob_key, thumb_key, kind, name, size, uploaded_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {}",
            FILE_COLUMNS.replace("f.", "")
        ))
        .bind(&token)
        .bind(&key)
        .bind(&thumb_key)
        .bind(cleaned.kind.as_str())
        .bind(&name)
        .bind(size)
        .bind(user.id)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(file_ref(&row))
    }
}
