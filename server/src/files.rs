//! Files: one upload pipeline for every feature, private exchange between residents and their
//! lawyers, and the retention job.
//!
//! An upload (`POST /api/files/upload`, raw bytes) is inspected and cleaned ([`inspect`]), its
//! bytes stored content-addressed ([`blobs`]), and a `pending` row written for the uploader. A
//! feature then attaches the file by its token: to a resident's matter ([`private`]), or as a
//! library version. `GET /files/<token>` (`http::download`) decides on every request who may read it.

pub mod blobs;
pub mod inspect;
pub mod private;
pub mod retention;

use crate::caller::Caller;
use crate::failure::Failure;
use crate::store::Store;
use app::domain::FileKind;
use app::error::{AppError, ErrorKind};
use app::model::FileRef;
use app::time::Instant;
use blobs::Blobs;

/// How many files one account may upload per day (Asia/Shanghai): residents, then workers.
pub const UPLOADS_PER_DAY: [i64; 2] = [30, 300];
/// The most live files on one booking, and in one resident's 我的资料.
pub const FILES_PER_BOOKING: i64 = 20;
/// The most live files in one resident's 我的资料.
pub const FILES_PER_FOLDER: i64 = 100;

/// Files over the store and the blob store.
#[derive(Clone, Debug)]
pub struct FilesService {
    /// The database.
    pub store: Store,
    /// The bytes.
    pub blobs: Blobs,
    /// The largest upload, in bytes.
    pub max_upload_bytes: usize,
    /// The limit on photos decoded at once.
    pub heavy: crate::heavy::Heavy,
}

/// A `files` row as most queries read it, its columns named apart from the tables it is joined
/// with ([`FILE_COLUMNS`]).
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct FileRow {
    #[sqlx(rename = "file_id")]
    pub id: i64,
    #[sqlx(rename = "file_token")]
    pub token: String,
    #[sqlx(rename = "file_thumb_key")]
    pub thumb_key: Option<String>,
    #[sqlx(rename = "file_kind")]
    pub kind: String,
    #[sqlx(rename = "file_name")]
    pub name: String,
    #[sqlx(rename = "file_size")]
    pub size: i64,
    #[sqlx(rename = "file_created_at")]
    pub created_at: i64,
}

/// The columns of [`FileRow`], for `SELECT`s (table alias `f`).
pub(crate) const FILE_COLUMNS: &str = "f.id AS file_id, f.token AS file_token, f.thumb_key AS file_thumb_key, \
    f.kind AS file_kind, f.name AS file_name, f.size AS file_size, \
    f.created_at AS file_created_at";

/// The wire form of a row.
pub(crate) fn file_ref(row: &FileRow) -> FileRef {
    FileRef {
        token: row.token.clone(),
        name: row.name.clone(),
        kind: FileKind::from_db(&row.kind).unwrap_or(FileKind::Pdf),
        size: row.size,
        thumb: row.thumb_key.is_some(),
        created_at: Instant(row.created_at),
    }
}

/// The caller's pending upload `token`, or 404; 409 when it is already attached.
pub(crate) async fn pending_upload(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    caller: &Caller,
    user_id: i64,
    token: &str,
) -> Result<FileRow, Failure> {
    let mine = "f.token = $1 AND f.uploaded_by = $2 AND f.deleted_at IS NULL";
    let row: Option<FileRow> =
        sqlx::query_as(&format!("SELECT {FILE_COLUMNS} FROM files f WHERE {mine} AND f.purpose = 'pending'"))
            .bind(token)
            .bind(user_id)
            .fetch_optional(&mut **tx)
            .await?;
    if let Some(row) = row {
        return Ok(row);
    }
    let attached: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM files f WHERE {mine}"))
        .bind(token)
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await?;
    Err(if attached > 0 {
        AppError::new(ErrorKind::Conflict, caller.lang.messages().err_file_used).into()
    } else {
        caller.error(ErrorKind::NotFound).into()
    })
}
