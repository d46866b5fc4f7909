//! `GET /files/<token>[?inline=1][&thumb=1]`: a file, to whoever may read it, decided on every
//! request. Library files are public; pending uploads are their uploader's; private files follow
//! [`may_read`], and each opening by a lawyer or staff is audited and shown to the resident
//! (staff say why, `?reason=`). Anyone else gets
//! 404, as for a token that does not exist. Files go out as attachments (inline only for image
//! and PDF previews), never sniffed, under a policy that runs nothing.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::http::api::error_response;
use crate::http::caller;
use crate::questions::access;
use crate::scope::{self, desk};
use crate::state::AppState;
use crate::store::Store;
use app::domain::{FileKind, Role};
use app::error::{AppError, ErrorKind};
use axum::extract::{ConnectInfo, Path, Query, Request, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::net::SocketAddr;

/// How the file is wanted.
#[derive(Debug, Default, Deserialize)]
pub struct DownloadQuery {
    /// Show it in the browser (images and PDF only).
    #[serde(default)]
    inline: Option<u8>,
    /// The thumbnail (images only).
    #[serde(default)]
    thumb: Option<u8>,
    /// Why staff open a resident's file (required of them; the resident reads it).
    #[serde(default)]
    reason: Option<String>,
}

/// A file as a download needs it, and the library document it is a version of.
#[derive(sqlx::FromRow)]
struct Found {
    id: i64,
    blob_key: String,
    thumb_key: Option<String>,
    kind: String,
    name: String,
    purpose: String,
    uploaded_by: i64,
    resident_id: Option<i64>,
    document_id: Option<i64>,
}

/// Serves one file.
pub async fn handle(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(query): Query<DownloadQuery>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    let caller = caller::resolve(&state, &parts.headers, peer).await;
    serve(&state, &caller, &token, &query).await.unwrap_or_else(|failure| error_response(failure.answer(caller.lang)))
}

/// The file named by `token`, if the caller may read it: 404 otherwise, exactly as for a file
/// that does not exist. A lawyer's or staff member's reading of a private file is audited.
async fn serve(state: &AppState, caller: &Caller, token: &str, query: &DownloadQuery) -> Result<Response, Failure> {
    let not_found = || Failure::from(caller.error(ErrorKind::NotFound));
    if token.len() != 32 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(not_found());
    }
    let found: Option<Found> = sqlx::query_as(
        "SELECT f.id, f.blob_key, f.thumb_key, f.kind, f.name, f.purpose, f.uploaded_by, f.resident_id, v.document_id FROM files f \
         LEFT JOIN document_versions v ON v.file_id = f.id WHERE f.token = $1 AND f.deleted_at IS NULL",
    )
    .bind(token)
    .fetch_optional(&state.store.pool)
    .await?;
    let file = found.ok_or_else(not_found)?;
    let user = caller.user().ok();
    let public = file.purpose == "library";
    let allowed = match file.purpose.as_str() {
        "library" => true,
        "pending" => user.is_some_and(|u| u.id == file.uploaded_by),
        _ => may_read(&state.store, caller, file.id).await?,
    };
    if !allowed {
        return Err(not_found());
    }
    let worker = user.filter(|u| u.id != file.uploaded_by && u.role != Role::Resident);
    if let (false, Some(user)) = (public, worker) {
        // Lawyers open the files of the matters they serve; staff say why.
        let reason = match user.role.is_staff() {
            true => crate::audit::access_reason(caller, query.reason.as_deref().unwrap_or_default())?,
            false => String::new(),
        };
        let subject = format!("file:{}", file.id);
        match file.resident_id {
            Some(about) => {
                crate::audit::record_access(&state.store, caller, user.id, ("file_read", &subject), about, &reason)
                    .await?
            }
            None => crate::audit::record_by(&state.store, caller, user.id, "file_read", &subject).await?,
        }
    }
    let thumb = query.thumb == Some(1) && file.thumb_key.is_some();
    let bytes = match state
        .files
        .blobs
        .get(if thumb { file.thumb_key.as_deref().unwrap_or(&file.blob_key) } else { &file.blob_key })
        .await
    {
        Ok(bytes) => bytes,
        Err(object_store::Error::NotFound { .. }) => return Err(not_found()),
        Err(error) => return Err(error.into()),
    };
    if let (Some(document), false, false) = (file.document_id, thumb, query.inline == Some(1)) {
        count_download(state, document).await;
    }
    let kind = FileKind::from_db(&file.kind).unwrap_or(FileKind::Pdf);
    let inline = thumb || (query.inline == Some(1) && kind.previewable());
    Ok(file_response(bytes, kind, &file.name, thumb, inline, public))
}

/// A download of a library document counts (previews and thumbnails do not); a count that fails
/// does not fail the download.
async fn count_download(state: &AppState, document: i64) {
    let counted = sqlx::query("UPDATE documents SET downloads = downloads + 1 WHERE id = $1")
        .bind(document)
        .execute(state.store.writer())
        .await;
    if let Err(error) = counted {
        tracing::warn!(error = %error, "download count failed");
    }
}

/// The file's bytes with headers under which nothing in it may run or load anything.
fn file_response(
    bytes: axum::body::Bytes,
    kind: FileKind,
    name: &str,
    thumb: bool,
    inline: bool,
    public: bool,
) -> Response {
    let mime = if thumb { "image/jpeg" } else { kind.mime() };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(value) = HeaderValue::from_str(&disposition(inline, name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // A PDF viewer needs no sandbox to be harmless.
    let policy = if kind == FileKind::Pdf && !thumb {
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'"
    } else {
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
    };
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(policy));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if public { "public, max-age=86400" } else { "private, no-store" }),
    );
    response
}

/// `Content-Disposition` with an ASCII fallback name and the real (UTF-8) one.
fn disposition(inline: bool, name: &str) -> String {
    let ascii: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || ".-_".contains(c) { c } else { '_' }).collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("{}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}", if inline { "inline" } else { "attachment" })
}

/// A file request the router could not place (`/files/` with more path).
pub async fn not_found(request: Request) -> Response {
    error_response(AppError::of(ErrorKind::NotFound, caller::request_lang(request.headers())))
}

/// The matter a private file belongs to.
#[derive(sqlx::FromRow)]
struct Matter {
    resident_id: i64,
    uploaded_by: i64,
    community_id: i64,
    booking_lawyer: Option<i64>,
    question_id: Option<i64>,
}

/// Whether the caller may read the private file `file_id`: its resident, whoever shared it, the
/// lawyers serving its matter, staff, and a receiving body it was handed to.
pub async fn may_read(store: &Store, caller: &Caller, file_id: i64) -> Result<bool, Failure> {
    let Ok(user) = caller.user() else { return Ok(false) };
    let row: Option<Matter> = sqlx::query_as(
        "SELECT f.resident_id, f.uploaded_by, f.community_id, b.lawyer_id AS booking_lawyer, f.question_id FROM files f \
         LEFT JOIN bookings b ON b.id = f.booking_id WHERE f.id = $1",
    )
    .bind(file_id)
    .fetch_optional(&store.pool)
    .await?;
    let Some(Matter { resident_id, uploaded_by, community_id, booking_lawyer, question_id: question }) = row else {
        return Ok(false);
    };
    if user.id == resident_id || user.id == uploaded_by {
        return Ok(true);
    }
    if user.role.is_staff() {
        return Ok(scope::covers(store, user, community_id).await? == Some(true));
    }
    if user.role == Role::Agency {
        return Ok(crate::referrals::hands_over(store, user.id, file_id).await?);
    }
    // A question's files follow the question: its route reads them.
    if let Some(question) = question {
        let facts = access::facts(store, caller, question).await?;
        return Ok(access::require_read(store, caller, &facts).await.is_ok());
    }
    if !user.role.is_adviser() {
        return Ok(false);
    }
    Ok(match booking_lawyer {
        Some(lawyer) => desk::own_lawyers(store, caller).await?.contains(&lawyer),
        None => desk::serves(store, caller, community_id).await?,
    })
}

#[cfg(test)]
mod tests {
    use super::disposition;

    #[test]
    fn names_are_quoted_safely_in_both_forms() {
        assert_eq!(
            disposition(false, "借条.pdf"),
            "attachment; filename=\"__.pdf\"; filename*=UTF-8''%E5%80%9F%E6%9D%A1.pdf"
        );
        assert_eq!(disposition(true, "a b.jpg"), "inline; filename=\"a_b.jpg\"; filename*=UTF-8''a%20b.jpg");
    }
}
