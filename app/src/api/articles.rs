//! 普法 articles: staff write them for every resident, one street or one community; residents
//! read them in a feed (and at `/articles/<id>`, rendered by the server before any wasm).

use super::endpoint::{endpoints, Access};
use crate::model::{Article, ArticleDraft, ArticleRequest, ArticleSmsRequest, ArticleSummary, Empty};

endpoints! {
    /// Published articles for the caller (visitors: those for every resident).
    ArticleFeed = "articles/feed", Empty => Vec<ArticleSummary>, Access::Anyone;

    /// One article; counts a read.
    ReadArticle = "articles/read", ArticleRequest => Article, Access::Anyone;

    /// Staff write an article.
    SaveArticle = "articles/save", ArticleDraft => Article, Access::STAFF;

    /// Staff: every article with its read count, scheduled ones too.
    AllArticles = "articles/all", Empty => Vec<ArticleSummary>, Access::STAFF;

    /// A resident asks for (or stops) SMS about important articles.
    SetArticleSms = "articles/sms", ArticleSmsRequest => Empty, Access::RESIDENTS;
}
