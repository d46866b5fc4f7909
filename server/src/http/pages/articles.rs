//! `/articles` and `/articles/<id>`: 普法 articles, readable at once.

use super::layout::reader;
use crate::state::AppState;
use app::pages::articles;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};

/// `/articles`: the feed (a signed-in resident's own, else the articles for every resident).
pub async fn feed(State(state): State<AppState>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let resident = reader.resident();
    let feed = match state.articles.feed_for(resident, lang).await {
        Ok(feed) => feed,
        Err(error) => return reader.trouble(error),
    };
    let sms = match resident {
        Some(id) => match crate::auth::users::by_id(&state.store, id).await {
            Ok(user) => Some(user.is_some_and(|u| u.article_sms)),
            Err(error) => return reader.trouble(error),
        },
        None => None,
    };
    let theme = match crate::quizzes::current(&state.store, &reader.caller, app::model::Empty {}).await {
        Ok(theme) => theme.map(|t| t.title),
        Err(failure) => return reader.refused(failure),
    };
    reader.public(lang.messages().page_articles, || articles::feed(lang, sms, feed, theme))
}

/// `/articles/<id>`: one article, readable at once.
pub async fn article(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let reader = reader(&state, request).await;
    let lang = reader.lang();
    let Ok(id) = id.parse::<i64>() else { return reader.not_found() };
    let article = match state.articles.published(id, lang).await {
        Ok(Some(article)) => article,
        Ok(None) => return reader.not_found(),
        Err(error) => return reader.trouble(error),
    };
    let title = article.article.title.clone();
    reader.public(&title, || articles::article(lang, article))
}

/// `POST /articles/sms` (a form of the feed, `on=1` or `on=0`): a resident turns SMS for
/// important articles on or off, then sees the feed again.
pub async fn set_sms(State(state): State<AppState>, request: Request) -> Response {
    let cross_site = crate::http::api::is_cross_site(request.headers());
    let (parts, body) = request.into_parts();
    let reader = reader(&state, Request::from_parts(parts, axum::body::Body::empty())).await;
    let Some(resident) = reader.resident().filter(|_| !cross_site) else { return reader.forbidden() };
    let form = axum::body::to_bytes(body, 64).await.unwrap_or_default();
    let on = form.as_ref() == b"on=1";
    if let Err(error) = sqlx::query("UPDATE users SET article_sms = $1 WHERE id = $2")
        .bind(i64::from(on))
        .bind(resident)
        .execute(state.store.writer())
        .await
    {
        return reader.trouble(error);
    }
    axum::response::Redirect::to("/articles").into_response()
}
