//! 普法 articles: staff write them for every resident, one street or one community; residents
//! read them in a feed (and at `/articles/<id>`, rendered by the server before any wasm).

use crate::error::AppError;
use crate::model::{Article, ArticleDraft, ArticleRequest, ArticleSmsRequest, ArticleSummary, Empty};
#[cfg(feature = "ssr")]
use crate::{domain::Role, ports};
use leptos::server;

/// Published articles for the caller (visitors: those for every resident).
#[server(prefix = "/api", endpoint = "articles/feed", input = server_fn::codec::Json)]
pub async fn article_feed(#[server(flatten)] _request: Empty) -> Result<Vec<ArticleSummary>, AppError> {
    let (ports, caller) = ports::current()?;
    ports.articles.feed(&caller).await
}

/// One article; counts a read.
#[server(prefix = "/api", endpoint = "articles/read", input = server_fn::codec::Json)]
pub async fn read_article(#[server(flatten)] request: ArticleRequest) -> Result<Article, AppError> {
    let (ports, caller) = ports::current()?;
    ports.articles.read(&caller, request.article_id).await
}

/// Staff write an article.
#[server(prefix = "/api", endpoint = "articles/save", input = server_fn::codec::Json)]
pub async fn save_article(#[server(flatten)] request: ArticleDraft) -> Result<Article, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.articles.save(&caller, request).await
}

/// Staff: every article with its read count, scheduled ones too.
#[server(prefix = "/api", endpoint = "articles/all", input = server_fn::codec::Json)]
pub async fn all_articles(#[server(flatten)] _request: Empty) -> Result<Vec<ArticleSummary>, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Staff, Role::Admin])?;
    ports.articles.all(&caller).await
}

/// A resident asks for (or stops) SMS about important articles.
#[server(prefix = "/api", endpoint = "articles/sms", input = server_fn::codec::Json)]
pub async fn set_article_sms(#[server(flatten)] request: ArticleSmsRequest) -> Result<Empty, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Resident])?;
    ports.articles.set_sms(&caller, request.on).await.map(|()| Empty {})
}
