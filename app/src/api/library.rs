//! The public library (资料共享): templates and guides anyone may find and download; lawyers and
//! staff publish them and add versions.

use super::endpoint::{endpoints, Access};
use crate::model::{DocumentDetail, DocumentRequest, DocumentSummary, LibraryQuery, PublishRequest, ReviseRequest};

endpoints! {
    /// Documents matching words (in title, tags or summary) and/or a category.
    SearchLibrary = "library/search", LibraryQuery => Vec<DocumentSummary>, Access::Anyone;

    /// One document with every version.
    GetDocument = "library/document", DocumentRequest => DocumentDetail, Access::Anyone;

    /// Publishes an upload as a new document.
    PublishDocument = "library/publish", PublishRequest => DocumentDetail, Access::LAWYERS_AND_STAFF;

    /// Adds a version (its publisher, or staff).
    ReviseDocument = "library/revise", ReviseRequest => DocumentDetail, Access::LAWYERS_AND_STAFF;
}
