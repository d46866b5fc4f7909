//! Files, the public library and 普法 articles on the wire.

use crate::domain::{FileKind, SafeHtml, Topic};
use crate::time::Instant;
use serde::{Deserialize, Serialize};

/// An uploaded file. `token` is its only name: `/files/<token>` serves it to whoever may read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct FileRef {
    /// The unguessable name.
    pub token: String,
    /// The cleaned file name.
    pub name: String,
    /// What its bytes are.
    pub kind: FileKind,
    /// Bytes as stored (photos after cleaning).
    pub size: i64,
    /// Whether a thumbnail exists (`/files/<token>?thumb=1`).
    pub thumb: bool,
    /// When it was uploaded.
    pub created_at: Instant,
}

/// A private file on a resident's matter: in their 我的资料, or on one of their bookings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct SharedFile {
    /// The file.
    pub file: FileRef,
    /// The resident whose matter it is.
    pub resident_id: i64,
    /// Their name, for lawyers and staff.
    pub resident_name: String,
    /// Who shared it (the resident, or a lawyer's name).
    pub shared_by: String,
    /// Whether a lawyer shared it (to the resident) rather than the resident.
    pub from_lawyer: bool,
    /// The community whose lawyers see it.
    pub community: String,
    /// The booking it belongs to, if any.
    pub booking_code: Option<String>,
    /// When it was shared.
    pub shared_at: Instant,
}

/// Shares an uploaded file: on one of the caller's bookings, or (none given) in the resident's
/// 我的资料. A lawyer names the resident (one of their community's) or a booking of theirs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ShareRequest {
    /// The upload's token.
    pub token: String,
    /// The booking the file is for.
    #[serde(default)]
    pub booking_id: Option<i64>,
    /// The resident a lawyer shares with (without a booking).
    #[serde(default)]
    pub resident_id: Option<i64>,
}

/// Names one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct FileRequest {
    /// Its token.
    pub token: String,
}

/// A library search: words (substring, Chinese or not) and/or a category.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct LibraryQuery {
    /// Text to find in title, tags or summary.
    #[serde(default)]
    pub query: Option<String>,
    /// Only this category.
    #[serde(default)]
    pub category: Option<Topic>,
}

/// A library document's current version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DocumentSummary {
    /// Document id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Category (the booking topics).
    pub category: Topic,
    /// Tags.
    pub tags: Vec<String>,
    /// What it is for.
    pub summary: String,
    /// The current version's number (1, 2 …).
    pub version: i64,
    /// The current version's file.
    pub file: FileRef,
    /// Downloads, all versions together.
    pub downloads: i64,
    /// When the current version was published.
    pub updated_at: Instant,
}

/// One version of a library document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DocumentVersion {
    /// Its number.
    pub version: i64,
    /// What changed.
    pub note: String,
    /// Its file.
    pub file: FileRef,
}

/// A library document with every version, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DocumentDetail {
    /// The document.
    pub document: DocumentSummary,
    /// Every version.
    pub versions: Vec<DocumentVersion>,
}

/// Publishes an uploaded file as a new library document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct PublishRequest {
    /// Title.
    pub title: String,
    /// Category.
    pub category: Topic,
    /// Tags, comma-separated.
    #[serde(default)]
    pub tags: String,
    /// What it is for.
    #[serde(default)]
    pub summary: String,
    /// The upload's token.
    pub token: String,
}

/// Adds a version to a library document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ReviseRequest {
    /// The document.
    pub document_id: i64,
    /// The new version's upload.
    pub token: String,
    /// What changed.
    #[serde(default)]
    pub note: String,
}

/// Names one library document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct DocumentRequest {
    /// Document id.
    pub document_id: i64,
}

/// A 普法 article as staff write it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ArticleDraft {
    /// Title.
    pub title: String,
    /// Category (the booking topics).
    pub category: Topic,
    /// The month's theme (一月一主题), if the article belongs to one.
    #[serde(default)]
    pub theme: String,
    /// The text, in Markdown (no HTML: it is shown as text).
    pub body: String,
    /// Only residents of this street.
    #[serde(default)]
    pub street_id: Option<i64>,
    /// Only residents of this community.
    #[serde(default)]
    pub community_id: Option<i64>,
    /// When it appears; now when absent.
    #[serde(default)]
    pub publish_at: Option<Instant>,
    /// Also by SMS, to residents who asked for important articles.
    #[serde(default)]
    pub important: bool,
}

/// An article in a feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ArticleSummary {
    /// Article id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Category.
    pub category: Topic,
    /// The month's theme, or empty.
    pub theme: String,
    /// Who it is for: 全区, a street's or a community's name.
    pub audience: String,
    /// When it appears (or appeared).
    pub publish_at: Instant,
    /// Whether it also goes by SMS.
    pub important: bool,
    /// How often it was read.
    pub reads: i64,
}

/// An article to read: its HTML was rendered from Markdown and sanitised by the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Article {
    /// The article.
    pub article: ArticleSummary,
    /// The body as safe HTML.
    pub html: SafeHtml,
}

/// Names one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ArticleRequest {
    /// Article id.
    pub article_id: i64,
}

/// Turns SMS for important articles on or off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ArticleSmsRequest {
    /// On or off.
    pub on: bool,
}
