//! `/articles` and `/articles/<id>`: 普法 articles, readable at once.

use super::layout::{caller_of, date, escape, not_found, page, respond, respond_public, topic, trouble};
use crate::state::AppState;
use app::domain::Role;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::fmt::Write;

/// `/articles`: the feed (a signed-in resident's own, else the articles for every resident).
pub async fn articles(State(state): State<AppState>, request: Request) -> Response {
    let caller = caller_of(&state, request).await;
    let lang = caller.lang;
    let m = lang.messages();
    let resident = caller.user().ok().filter(|u| u.role == Role::Resident).map(|u| u.id);
    let feed = match state.articles.feed_for(resident, lang).await {
        Ok(feed) => feed,
        Err(error) => return trouble(lang, error),
    };
    let mut main = format!("<h1>{}</h1>", m.page_articles);
    if let Some(id) = resident {
        let on = match crate::auth::users::by_id(&state.store, id).await {
            Ok(user) => user.is_some_and(|u| u.article_sms),
            Err(error) => return trouble(lang, error),
        };
        let _ = write!(
            main,
            "<form method=\"post\" action=\"/articles/sms\" class=\"actions\"><span>{state}</span>\
             <input type=\"hidden\" name=\"on\" value=\"{value}\"><button type=\"submit\">{action}</button></form>",
            state = if on { m.page_sms_on } else { m.page_sms_off },
            value = if on { 0 } else { 1 },
            action = if on { m.page_sms_stop } else { m.page_sms_start },
        );
    }
    if feed.is_empty() {
        let _ = write!(main, "<p>{}</p>", m.page_no_articles);
    }
    main.push_str("<ul class=\"cards\">");
    for a in &feed {
        let _ = write!(
            main,
            "<li><a href=\"/articles/{id}\"><strong>{title}</strong></a><p class=\"meta\">{category} · {audience} · {date}{theme}</p></li>",
            id = a.id,
            title = escape(&a.title),
            category = topic(lang, a.category),
            audience = escape(&a.audience),
            date = date(a.publish_at),
            theme = if a.theme.is_empty() { String::new() } else { format!(" · {}", escape(&a.theme)) },
        );
    }
    main.push_str("</ul>");
    respond_public(StatusCode::OK, page(lang, m.page_articles, &main))
}

/// `/articles/<id>`: one article, readable at once.
pub async fn article(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let caller = caller_of(&state, request).await;
    let lang = caller.lang;
    let Ok(id) = id.parse::<i64>() else { return not_found(lang) };
    let article = match state.articles.published(id, lang).await {
        Ok(Some(article)) => article,
        Ok(None) => return not_found(lang),
        Err(error) => return trouble(lang, error),
    };
    let m = lang.messages();
    let a = &article.article;
    let main = format!(
        "<article><h1>{title}</h1><p class=\"meta\">{category} · {audience} · {date}{theme} · {reads}</p>{body}</article>\
         <p class=\"actions\"><a class=\"button\" href=\"/\">{book}</a><a href=\"/articles\">{more}</a></p>",
        title = escape(&a.title),
        category = topic(lang, a.category),
        audience = escape(&a.audience),
        date = date(a.publish_at),
        theme = if a.theme.is_empty() { String::new() } else { format!(" · {}：{}", m.page_theme, escape(&a.theme)) },
        reads = crate::text::fill(m.page_reads, &[("n", &a.reads.to_string())]),
        body = article.html,
        book = m.page_ask_lawyer,
        more = m.page_more_articles,
    );
    respond_public(StatusCode::OK, page(lang, &a.title, &main))
}

/// `POST /articles/sms` (a form of the feed, `on=1` or `on=0`): a resident turns SMS for
/// important articles on or off, then sees the feed again.
pub async fn set_sms(State(state): State<AppState>, request: Request) -> Response {
    let cross_site = crate::http::api::is_cross_site(request.headers());
    let (parts, body) = request.into_parts();
    let caller = super::layout::caller_of(&state, Request::from_parts(parts, axum::body::Body::empty())).await;
    let lang = caller.lang;
    let Some(user) = caller.user().ok().filter(|u| u.role == Role::Resident && !cross_site) else {
        let main = format!(
            "<h1>{}</h1><p><a href=\"/articles\">{}</a></p>",
            lang.texts().err_forbidden,
            lang.messages().page_articles
        );
        return respond(StatusCode::FORBIDDEN, page(lang, lang.texts().err_forbidden, &main));
    };
    let form = axum::body::to_bytes(body, 64).await.unwrap_or_default();
    let on = form.as_ref() == b"on=1";
    if let Err(error) = sqlx::query("UPDATE users SET article_sms = $1 WHERE id = $2")
        .bind(i64::from(on))
        .bind(user.id)
        .execute(state.store.writer())
        .await
    {
        return trouble(lang, error);
    }
    axum::response::Redirect::to("/articles").into_response()
}
