//! Private exchange: a resident's files in 我的资料 or on a booking, and what their lawyers share
//! back (a question's files live with the question). Seen by the resident, the lawyers serving that matter (the community's current team, the
//! booking's lawyer) and staff; anyone else is told the file does not exist.

use super::{
    file_ref, pending_upload, retention, FileRow, FilesService, FILES_PER_BOOKING, FILES_PER_FOLDER, FILE_COLUMNS,
};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope::desk;
use crate::store::sql::Sql;
use crate::store::{lock_user, now_ms, Store};
use app::domain::Role;
use app::error::{AppError, ErrorKind};
use app::model::{Empty, FileRequest, ShareRequest, SharedFile};
use app::time::Instant;

/// The start of a query of shared files, through its fixed conditions; filters follow with `AND`.
fn select_head() -> String {
    format!(
        "SELECT {FILE_COLUMNS}, f.resident_id, r.display_name AS resident_name, s.display_name AS sharer, \
         s.role AS sharer_role, c.name AS community, b.code AS booking_code, f.shared_at \
         FROM files f JOIN users r ON r.id = f.resident_id JOIN users s ON s.id = f.uploaded_by \
         JOIN communities c ON c.id = f.community_id LEFT JOIN bookings b ON b.id = f.booking_id \
         WHERE f.purpose = 'private' AND f.question_id IS NULL AND f.deleted_at IS NULL"
    )
}

/// The order and limit of a list of shared files.
const SHARED_ORDER: &str = " ORDER BY f.shared_at DESC, f.id DESC LIMIT 500";

fn select_shared(filter: &str) -> String {
    format!("{} AND ({filter}){SHARED_ORDER}", select_head())
}

/// `(…)` of `ids` bound, or `(NULL)`, which matches nothing, when there are none.
fn bind_or_none(sql: &mut Sql, ids: Vec<i64>) {
    if ids.is_empty() {
        sql.push("(NULL)");
    } else {
        sql.bind_list(ids);
    }
}

/// A file row and, beside it, whose matter it is, who shared it, where and when.
#[derive(sqlx::FromRow)]
struct Joined {
    #[sqlx(flatten)]
    file: FileRow,
    resident_id: i64,
    resident_name: String,
    sharer: String,
    sharer_role: String,
    community: String,
    booking_code: Option<String>,
    shared_at: i64,
}

fn shared_file(row: Joined) -> SharedFile {
    let Joined { file, resident_id, resident_name, sharer, sharer_role: role, community, booking_code, shared_at } =
        row;
    SharedFile {
        file: file_ref(&file),
        resident_id,
        resident_name,
        from_lawyer: role != "resident",
        shared_by: sharer,
        community,
        booking_code,
        shared_at: Instant(shared_at),
    }
}

/// Where a shared file goes: whose matter, which community's lawyers see it, which booking.
struct Matter {
    resident_id: i64,
    community_id: i64,
    booking_id: Option<i64>,
}

/// A booking's resident, community and lawyer.
#[derive(sqlx::FromRow)]
struct BookingParties {
    resident_id: i64,
    community_id: i64,
    lawyer_id: i64,
}

/// A private file and whose it is.
#[derive(sqlx::FromRow)]
struct Owners {
    id: i64,
    resident_id: Option<i64>,
    uploaded_by: i64,
}

/// Works out the matter a caller may share into, or 404 / 422.
async fn matter(store: &Store, caller: &Caller, request: &ShareRequest) -> Result<Matter, Failure> {
    let user = caller.user()?;
    let not_found = || caller.error(ErrorKind::NotFound);
    if let Some(booking_id) = request.booking_id {
        let row: Option<BookingParties> =
            sqlx::query_as("SELECT resident_id, community_id, lawyer_id FROM bookings WHERE id = $1")
                .bind(booking_id)
                .fetch_optional(&store.pool)
                .await?;
        let BookingParties { resident_id, community_id, lawyer_id } = row.ok_or_else(not_found)?;
        let allowed = if user.role == Role::Resident {
            resident_id == user.id
        } else {
            desk::own_lawyers(store, caller).await?.contains(&lawyer_id)
        };
        return if allowed {
            Ok(Matter { resident_id, community_id, booking_id: Some(booking_id) })
        } else {
            Err(not_found().into())
        };
    }
    let resident_id = if user.role == Role::Resident {
        user.id
    } else {
        request.resident_id.ok_or_else(|| AppError::invalid("resident_id", caller.lang.texts().err_bad_request))?
    };
    let community: Option<(Option<i64>, String)> = sqlx::query_as("SELECT community_id, role FROM users WHERE id = $1")
        .bind(resident_id)
        .fetch_optional(&store.pool)
        .await?;
    match community {
        Some((Some(community_id), role)) if role == "resident" => {
            if user.role != Role::Resident && !desk::serves(store, caller, community_id).await? {
                return Err(not_found().into());
            }
            Ok(Matter { resident_id, community_id, booking_id: None })
        }
        Some((None, role)) if role == "resident" && user.role == Role::Resident => {
            Err(AppError::invalid("community_id", caller.lang.messages().err_choose_community).into())
        }
        _ => Err(not_found().into()),
    }
}

/// Attaches the caller's upload to a matter, within the matter's file limit (counted and
/// written in one transaction, after locking the resident's account).
pub async fn share(store: &Store, caller: &Caller, request: ShareRequest) -> Result<SharedFile, Failure> {
    let user = caller.user()?;
    let matter = matter(store, caller, &request).await?;
    let mut tx = store.writer().begin().await?;
    lock_user(&mut tx, matter.resident_id).await?;
    let file = pending_upload(&mut tx, caller, user.id, &request.token).await?;
    let (held, limit): (i64, i64) = match matter.booking_id {
        Some(booking_id) => (
            sqlx::query_scalar("SELECT COUNT(*) FROM files WHERE booking_id = $1 AND deleted_at IS NULL")
                .bind(booking_id)
                .fetch_one(&mut *tx)
                .await?,
            FILES_PER_BOOKING,
        ),
        None => (
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM files WHERE resident_id = $1 AND booking_id IS NULL AND question_id IS NULL \
                 AND purpose = 'private' AND deleted_at IS NULL",
            )
            .bind(matter.resident_id)
            .fetch_one(&mut *tx)
            .await?,
            FILES_PER_FOLDER,
        ),
    };
    if held >= limit {
        return Err(AppError::new(ErrorKind::Conflict, caller.lang.messages().err_too_many_files).into());
    }
    let attached = sqlx::query(
        "UPDATE files SET purpose = 'private', resident_id = $1, community_id = $2, booking_id = $3, shared_at = $4 \
         WHERE id = $5 AND purpose = 'pending'",
    )
    .bind(matter.resident_id)
    .bind(matter.community_id)
    .bind(matter.booking_id)
    .bind(now_ms())
    .bind(file.id)
    .execute(&mut *tx)
    .await?;
    if attached.rows_affected() != 1 {
        return Err(AppError::new(ErrorKind::Conflict, caller.lang.messages().err_file_used).into());
    }
    if user.role != Role::Resident {
        sqlx::query("INSERT INTO notifications (user_id, body, created_at, link) VALUES ($1, $2, $3, '/me/files')")
            .bind(matter.resident_id)
            .bind(crate::text::fill(caller.lang.messages().inbox_file_shared, &[("name", &file.name)]))
            .bind(now_ms())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    let row: Joined = sqlx::query_as(&select_shared("f.id = $1")).bind(file.id).fetch_one(&store.pool).await?;
    Ok(shared_file(row))
}

/// A resident's files: their 我的资料 and bookings, theirs and their lawyers'.
pub async fn mine(store: &Store, caller: &Caller, _: Empty) -> Result<Vec<SharedFile>, Failure> {
    let user = caller.user()?;
    let rows: Vec<Joined> =
        sqlx::query_as(&select_shared("f.resident_id = $1")).bind(user.id).fetch_all(&store.pool).await?;
    Ok(rows.into_iter().map(shared_file).collect())
}

/// The files of the matters a lawyer serves (their communities' residents, their bookings), or
/// every one for staff. The listing is audited for staff, and every opening for everyone.
pub async fn shared_with_me(store: &Store, caller: &Caller, _: Empty) -> Result<Vec<SharedFile>, Failure> {
    let user = caller.user()?;
    let rows: Vec<Joined> = match desk::served(store, caller).await? {
        None => {
            crate::audit::record_by(store, caller, user.id, "files_list", "all").await?;
            sqlx::query_as(&select_shared("1 = 1")).fetch_all(&store.pool).await
        }
        Some(communities) => {
            let lawyers = desk::own_lawyers(store, caller).await?;
            if communities.is_empty() && lawyers.is_empty() {
                return Ok(Vec::new());
            }
            // The files of the caller's communities not tied to a booking, and of their lawyers' bookings.
            let mut sql = Sql::new(&select_head());
            sql.push(" AND ((f.booking_id IS NULL AND f.community_id IN ");
            bind_or_none(&mut sql, communities);
            sql.push(") OR b.lawyer_id IN ");
            bind_or_none(&mut sql, lawyers);
            sql.push(")");
            sql.push(SHARED_ORDER);
            sql.fetch_all(&store.pool).await
        }
    }?;
    Ok(rows.into_iter().map(shared_file).collect())
}

/// Deletes a private file: a resident any file of their own matters, anyone else what they shared.
pub async fn delete(files: &FilesService, caller: &Caller, request: FileRequest) -> Result<Empty, Failure> {
    let token = &request.token;
    let user = caller.user()?;
    let row: Option<Owners> = sqlx::query_as(
        "SELECT id, resident_id, uploaded_by FROM files WHERE token = $1 AND purpose IN ('private', 'pending') AND deleted_at IS NULL",
    )
    .bind(token)
    .fetch_optional(&files.store.pool)
    .await?;
    match row {
        Some(file) if file.resident_id == Some(user.id) || file.uploaded_by == user.id => {
            retention::remove(&files.store, &files.blobs, file.id, now_ms()).await?;
            Ok(Empty {})
        }
        _ => Err(caller.error(ErrorKind::NotFound).into()),
    }
}
