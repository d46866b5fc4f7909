//! Ports of files, the library and articles. Uploads and downloads themselves are plain HTTP
//! handlers in the server (bytes, not JSON); these are the JSON operations around them.

use super::Caller;
use crate::error::AppError;
use crate::model::{
    Article, ArticleDraft, ArticleSummary, DocumentDetail, DocumentSummary, LibraryQuery, PublishRequest,
    ReviseRequest, ShareRequest, SharedFile,
};
use async_trait::async_trait;

/// Private files between residents and their lawyers.
#[async_trait]
pub trait FilesPort: Send + Sync {
    /// Attaches an upload of the caller's to a resident's matter.
    async fn share(&self, caller: &Caller, request: ShareRequest) -> Result<SharedFile, AppError>;
    /// A resident's own files and those their lawyers shared with them.
    async fn mine(&self, caller: &Caller) -> Result<Vec<SharedFile>, AppError>;
    /// The files of the matters a lawyer works on (every one for staff; each access audited).
    async fn shared_with_me(&self, caller: &Caller) -> Result<Vec<SharedFile>, AppError>;
    /// Deletes a file its sharer no longer wants kept.
    async fn delete(&self, caller: &Caller, token: &str) -> Result<(), AppError>;
}

/// The public library of templates and guides.
#[async_trait]
pub trait LibraryPort: Send + Sync {
    /// Documents matching a query, most downloaded first.
    async fn search(&self, caller: &Caller, query: LibraryQuery) -> Result<Vec<DocumentSummary>, AppError>;
    /// One document with its versions.
    async fn document(&self, caller: &Caller, document_id: i64) -> Result<DocumentDetail, AppError>;
    /// Publishes an upload as a new document.
    async fn publish(&self, caller: &Caller, request: PublishRequest) -> Result<DocumentDetail, AppError>;
    /// Adds a version.
    async fn revise(&self, caller: &Caller, request: ReviseRequest) -> Result<DocumentDetail, AppError>;
}

/// 普法 articles.
#[async_trait]
pub trait ArticlesPort: Send + Sync {
    /// Published articles for the caller: every resident's, their street's and community's.
    async fn feed(&self, caller: &Caller) -> Result<Vec<ArticleSummary>, AppError>;
    /// One published article the caller may read; counts a read.
    async fn read(&self, caller: &Caller, article_id: i64) -> Result<Article, AppError>;
    /// Staff: saves a new article (published now or at its time).
    async fn save(&self, caller: &Caller, draft: ArticleDraft) -> Result<Article, AppError>;
    /// Staff: every article, scheduled ones too, newest first.
    async fn all(&self, caller: &Caller) -> Result<Vec<ArticleSummary>, AppError>;
    /// A resident turns SMS for important articles on or off.
    async fn set_sms(&self, caller: &Caller, on: bool) -> Result<(), AppError>;
}
