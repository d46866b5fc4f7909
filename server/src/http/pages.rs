//! Reading pages the server renders itself: 普法 articles and the public library. They are plain
//! HTML with a small stylesheet and no script, so a resident on a weak network reads an article
//! (or finds a template) before any wasm could have arrived, a shared link opens anywhere, and
//! the residents' app pays not one byte for them. Everything the server writes into them is
//! escaped; an article's body is the HTML rendered and sanitised when it was saved.

use crate::http::caller;
use crate::startup::AppState;
use app::domain::{Role, Topic};
use app::i18n::{Lang, Messages};
use app::model::{DocumentSummary, LibraryQuery};
use app::ports::{Caller, LibraryPort};
use app::time::Instant;
use axum::extract::{ConnectInfo, Path, Query, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use std::fmt::Write;
use std::net::SocketAddr;

/// `&`, `<`, `>`, `"` and `'` as entities.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn date(at: Instant) -> String {
    at.to_shanghai().0.to_string()
}

/// A whole page around `main` (already HTML).
fn page(lang: Lang, title: &str, main: &str) -> String {
    let m = lang.messages();
    format!(
        "<!DOCTYPE html><html lang=\"{tag}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · 法i社区</title><link rel=\"stylesheet\" href=\"/reading.css\"></head><body>\
         <header><a class=\"brand\" href=\"/\">法i社区</a><nav aria-label=\"{nav}\">\
         <a href=\"/articles\">{articles}</a><a href=\"/library\">{library}</a></nav></header>\
         <main>{main}</main><footer><a href=\"/\">{home}</a></footer></body></html>",
        tag = lang.tag(),
        title = escape(title),
        nav = m.page_nav,
        articles = m.page_articles,
        library = m.page_library,
        home = m.page_home,
    )
}

fn respond(status: StatusCode, html: String) -> Response {
    let mut response = (status, Html(html)).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

fn not_found(lang: Lang) -> Response {
    let m = lang.messages();
    let main = format!("<h1>{}</h1><p><a href=\"/\">{}</a></p>", m.page_not_found, m.page_home);
    respond(StatusCode::NOT_FOUND, page(lang, m.page_not_found, &main))
}

fn trouble(lang: Lang, error: impl std::fmt::Display) -> Response {
    tracing::error!(error = %error, "page failed");
    let t = lang.texts();
    respond(StatusCode::INTERNAL_SERVER_ERROR, page(lang, t.err_internal, &format!("<p>{}</p>", t.err_internal)))
}

async fn caller_of(state: &AppState, request: Request) -> Caller {
    let (parts, _) = request.into_parts();
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    caller::resolve(state, &parts.headers, peer).await
}

fn topic(lang: Lang, category: Topic) -> &'static str {
    category.label(lang.texts())
}

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
    respond(StatusCode::OK, page(lang, m.page_articles, &main))
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
        reads = crate::booking::fill(m.page_reads, &[("n", &a.reads.to_string())]),
        body = article.html,
        book = m.page_ask_lawyer,
        more = m.page_more_articles,
    );
    respond(StatusCode::OK, page(lang, &a.title, &main))
}

/// The library page's query string.
#[derive(Debug, Default, Deserialize)]
pub struct LibraryParams {
    #[serde(default)]
    q: String,
    #[serde(default)]
    category: String,
}

fn download_links(m: &Messages, file: &app::model::FileRef) -> String {
    let preview = if file.kind.previewable() {
        format!("<a href=\"/files/{}?inline=1\">{}</a>", file.token, m.page_preview)
    } else {
        String::new()
    };
    format!(
        "<a class=\"button\" href=\"/files/{token}\" download>{download} {kind} · {size}</a>{preview}",
        token = file.token,
        download = m.page_download,
        kind = file.kind.extension().to_uppercase(),
        size = size(file.size),
    )
}

fn size(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0)
    }
}

fn document_card(lang: Lang, d: &DocumentSummary) -> String {
    let m = lang.messages();
    let tags: String = d.tags.iter().map(|t| format!("<span class=\"tag\">{}</span>", escape(t))).collect();
    format!(
        "<li><a href=\"/library/{id}\"><strong>{title}</strong></a><p>{summary}</p><p class=\"meta\">{category} {tags} · {downloads}</p>\
         <p class=\"actions\">{links}</p></li>",
        id = d.id,
        title = escape(&d.title),
        summary = escape(&d.summary),
        category = topic(lang, d.category),
        downloads = crate::booking::fill(m.page_downloads, &[("n", &d.downloads.to_string())]),
        links = download_links(m, &d.file),
    )
}

/// `/library?q=&category=`: search the library; works without any script.
pub async fn library(State(state): State<AppState>, Query(params): Query<LibraryParams>, request: Request) -> Response {
    let caller = caller_of(&state, request).await;
    let lang = caller.lang;
    let m = lang.messages();
    let category = Topic::from_db(&params.category);
    let query = LibraryQuery { query: Some(params.q.clone()), category };
    let mut main = format!(
        "<h1>{title}</h1><form method=\"get\" action=\"/library\" role=\"search\">\
         <label for=\"q\">{search}</label><input id=\"q\" name=\"q\" type=\"search\" maxlength=\"50\" value=\"{q}\" placeholder=\"{hint}\">\
         <label for=\"category\">{category_label}</label><select id=\"category\" name=\"category\"><option value=\"\">{all}</option>",
        title = m.page_library,
        search = m.page_search,
        q = escape(&params.q),
        hint = m.page_search_hint,
        category_label = m.page_category,
        all = m.page_all_categories,
    );
    for t in Topic::ALL {
        let selected = if Some(*t) == category { " selected" } else { "" };
        let _ = write!(main, "<option value=\"{}\"{selected}>{}</option>", t.as_str(), topic(lang, *t));
    }
    let _ = write!(main, "</select><button type=\"submit\">{}</button></form>", m.page_search);
    match state.library.search(&caller, query).await {
        Ok(found) if found.is_empty() => {
            let _ = write!(main, "<p>{}</p>", m.page_no_documents);
        }
        Ok(found) => {
            main.push_str("<ul class=\"cards\">");
            for d in &found {
                main.push_str(&document_card(lang, d));
            }
            main.push_str("</ul>");
        }
        Err(error) => {
            let _ = write!(main, "<p role=\"alert\">{}</p>", escape(&error.message));
        }
    }
    respond(StatusCode::OK, page(lang, m.page_library, &main))
}

/// `/library/<id>`: one document with every version.
pub async fn document(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let caller = caller_of(&state, request).await;
    let lang = caller.lang;
    let Ok(id) = id.parse::<i64>() else { return not_found(lang) };
    let detail = match state.library.document(&caller, id).await {
        Ok(detail) => detail,
        Err(e) if e.kind == app::error::ErrorKind::NotFound => return not_found(lang),
        Err(error) => return trouble(lang, error.message),
    };
    let m = lang.messages();
    let mut main = format!("<ul class=\"cards\">{}</ul>", document_card(lang, &detail.document))
        .replacen("<li><a href", "<li><h1><a href", 1)
        .replacen("</strong></a>", "</strong></a></h1>", 1);
    if detail.versions.len() > 1 {
        let _ = write!(main, "<h2>{}</h2><ul class=\"versions\">", m.page_versions);
        for v in &detail.versions {
            let _ = write!(
                main,
                "<li>{label} · {date} {note} <a href=\"/files/{token}\" download>{download}</a></li>",
                label = crate::booking::fill(m.page_version, &[("n", &v.version.to_string())]),
                date = date(v.file.created_at),
                note = escape(&v.note),
                token = v.file.token,
                download = m.page_download,
            );
        }
        main.push_str("</ul>");
    }
    let _ = write!(main, "<p><a href=\"/library\">{}</a></p>", m.page_library);
    respond(StatusCode::OK, page(lang, &detail.document.title, &main))
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_everything_that_could_open_markup() {
        assert_eq!(
            escape("<a href=\"x\" onclick='y'>&</a>"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
    }
}
