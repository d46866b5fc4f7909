//! The public library (资料共享): documents anyone may find and download, each a series of kept
//! versions; lawyers and staff publish them. Search is a substring match on a lower-cased copy of
//! title, tags and summary, which finds Chinese words on both databases without a tokenizer.

use crate::caller::Caller;
use crate::failure::Failure;
use crate::files::{file_ref, pending_upload, FileRow, FILE_COLUMNS};
use crate::store::{now_ms, Store};
use crate::text::like_contains;
use app::domain::{parse_tags, required_text, Topic, MAX_QUERY_CHARS, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS};
use app::error::{AppError, ErrorKind};
use app::model::{
    DocumentDetail, DocumentRequest, DocumentSummary, DocumentVersion, LibraryQuery, PublishRequest, ReviseRequest,
};
use app::time::Instant;

/// The library over the store.
#[derive(Clone, Debug)]
pub struct LibraryService {
    store: Store,
}

impl LibraryService {
    /// The library of `store`.
    pub fn new(store: Store) -> LibraryService {
        LibraryService { store }
    }
}

/// A document row with its current version and file.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    title: String,
    category: String,
    tags: String,
    summary: String,
    downloads: i64,
    version: i64,
    updated_at: i64,
    #[sqlx(flatten)]
    file: FileRow,
}

/// A version: number, note, and its file's row.
#[derive(sqlx::FromRow)]
struct VersionRow {
    version: i64,
    note: String,
    #[sqlx(flatten)]
    file: FileRow,
}

const SELECT: &str =
    "SELECT d.id, d.title, d.category, d.tags, d.summary, d.downloads, v.version, v.created_at AS updated_at, ";
const FROM: &str = " FROM documents d \
    JOIN document_versions v ON v.document_id = d.id \
      AND v.version = (SELECT MAX(version) FROM document_versions WHERE document_id = d.id) \
    JOIN files f ON f.id = v.file_id";

fn summary(row: Row) -> DocumentSummary {
    DocumentSummary {
        id: row.id,
        title: row.title,
        category: Topic::from_db(&row.category).unwrap_or(Topic::Other),
        tags: row.tags.split(',').filter(|t| !t.is_empty()).map(str::to_owned).collect(),
        summary: row.summary,
        version: row.version,
        file: file_ref(&row.file),
        downloads: row.downloads,
        updated_at: Instant(row.updated_at),
    }
}

/// What a search matches against.
pub(crate) fn search_text(title: &str, tags: &[String], summary: &str) -> String {
    format!("{title} {} {summary}", tags.join(" ")).to_lowercase()
}

/// Checks a document's title, tags and summary; the tags as stored.
fn check_fields(caller: &Caller, title: &str, tags: &str, text: &str) -> Result<(String, Vec<String>), Failure> {
    let t = caller.lang.messages();
    let title = required_text(title, MAX_TITLE_CHARS).map_err(|_| AppError::invalid("title", t.err_title))?;
    let tags = parse_tags(tags).ok_or_else(|| AppError::invalid("tags", t.err_tags))?;
    if text.chars().count() > MAX_SUMMARY_CHARS {
        return Err(AppError::invalid("summary", t.err_doc_summary).into());
    }
    Ok((title, tags))
}

impl LibraryService {
    async fn detail(&self, caller: &Caller, document_id: i64) -> Result<DocumentDetail, Failure> {
        let row: Option<Row> = sqlx::query_as(&format!("{SELECT}{FILE_COLUMNS}{FROM} WHERE d.id = $1"))
            .bind(document_id)
            .fetch_optional(&self.store.pool)
            .await?;
        let document = summary(row.ok_or_else(|| caller.error(ErrorKind::NotFound))?);
        let versions: Vec<VersionRow> = sqlx::query_as(&format!(
            "SELECT v.version, v.note, {FILE_COLUMNS} FROM document_versions v JOIN files f ON f.id = v.file_id \
                 WHERE v.document_id = $1 ORDER BY v.version DESC"
        ))
        .bind(document_id)
        .fetch_all(&self.store.pool)
        .await?;
        let versions = versions
            .into_iter()
            .map(|v| DocumentVersion { version: v.version, note: v.note, file: file_ref(&v.file) })
            .collect();
        Ok(DocumentDetail { document, versions })
    }

    /// Turns the caller's upload into version `version` of `document_id`, inside `tx`.
    async fn attach(
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        caller: &Caller,
        token: &str,
        document_id: i64,
        note: &str,
    ) -> Result<(), Failure> {
        let user = caller.user()?;
        let file = pending_upload(tx, caller, user.id, token).await?;
        let attached = sqlx::query("UPDATE files SET purpose = 'library' WHERE id = $1 AND purpose = 'pending'")
            .bind(file.id)
            .execute(&mut **tx)
            .await?;
        if attached.rows_affected() != 1 {
            return Err(AppError::new(ErrorKind::Conflict, caller.lang.messages().err_file_used).into());
        }
        let now = now_ms();
        sqlx::query(
            "INSERT INTO document_versions (document_id, version, file_id, note, created_by, created_at) \
             SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5 FROM document_versions WHERE document_id = $1",
        )
        .bind(document_id)
        .bind(file.id)
        .bind(note)
        .bind(user.id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        sqlx::query("UPDATE documents SET updated_at = $1 WHERE id = $2")
            .bind(now)
            .bind(document_id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }
}

impl LibraryService {
    /// Documents matching a query, most downloaded first. Public.
    pub async fn search(&self, caller: &Caller, query: LibraryQuery) -> Result<Vec<DocumentSummary>, Failure> {
        let text = query.query.as_deref().unwrap_or("").trim();
        if text.chars().count() > MAX_QUERY_CHARS {
            return Err(AppError::invalid("query", caller.lang.messages().err_query).into());
        }
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "{SELECT}{FILE_COLUMNS}{FROM} WHERE ($1 = '' OR d.search_text LIKE $2 ESCAPE '\\') \
             AND ($3 = '' OR d.category = $3) ORDER BY d.downloads DESC, d.id DESC LIMIT 100"
        ))
        .bind(text)
        .bind(like_contains(&text.to_lowercase()))
        .bind(query.category.map_or("", Topic::as_str))
        .fetch_all(&self.store.pool)
        .await?;
        Ok(rows.into_iter().map(summary).collect())
    }

    /// One document with its versions. Public.
    pub async fn document(&self, caller: &Caller, request: DocumentRequest) -> Result<DocumentDetail, Failure> {
        self.detail(caller, request.document_id).await
    }

    /// Publishes a new document from an upload.
    pub async fn publish(&self, caller: &Caller, request: PublishRequest) -> Result<DocumentDetail, Failure> {
        let user = caller.user()?;
        let (title, tags) = check_fields(caller, &request.title, &request.tags, &request.summary)?;
        let text = request.summary.trim();
        let now = now_ms();
        let mut tx = self.store.writer().begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO documents (title, category, tags, summary, search_text, published_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
        )
        .bind(&title)
        .bind(request.category.as_str())
        .bind(tags.join(","))
        .bind(text)
        .bind(search_text(&title, &tags, text))
        .bind(user.id)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        LibraryService::attach(&mut tx, caller, &request.token, id, "").await?;
        tx.commit().await?;
        crate::audit::record_by(&self.store, caller, user.id, "document_publish", &format!("document:{id}")).await?;
        self.detail(caller, id).await
    }

    /// Adds a version to a document its publisher (or staff) may change.
    pub async fn revise(&self, caller: &Caller, request: ReviseRequest) -> Result<DocumentDetail, Failure> {
        let user = caller.user()?;
        if request.note.chars().count() > MAX_SUMMARY_CHARS {
            return Err(AppError::invalid("note", caller.lang.messages().err_doc_summary).into());
        }
        let publisher: Option<i64> = sqlx::query_scalar("SELECT published_by FROM documents WHERE id = $1")
            .bind(request.document_id)
            .fetch_optional(&self.store.pool)
            .await?;
        match publisher {
            Some(p) if p == user.id || user.role.is_staff() => {}
            _ => return Err(caller.error(ErrorKind::NotFound).into()),
        }
        let mut tx = self.store.writer().begin().await?;
        // Versions of one document are numbered one after the other.
        crate::store::lock_key(&mut tx, &format!("document:{}", request.document_id)).await?;
        LibraryService::attach(&mut tx, caller, &request.token, request.document_id, request.note.trim()).await?;
        tx.commit().await?;
        crate::audit::record_by(
            &self.store,
            caller,
            user.id,
            "document_revise",
            &format!("document:{}", request.document_id),
        )
        .await?;
        self.detail(caller, request.document_id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_text_is_lowercase_words() {
        assert_eq!(search_text("IOU 借条", &["Loan".into()], "模板"), "iou 借条 loan 模板");
    }
}
