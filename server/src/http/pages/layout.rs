//! What every server-rendered page shares: escaping, the frame, answers and errors.

use crate::caller::Caller;
use crate::http::caller;
use crate::state::AppState;
use app::domain::Topic;
use app::i18n::Lang;
use app::time::Instant;
use axum::extract::{ConnectInfo, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
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

pub(super) fn date(at: Instant) -> String {
    at.to_shanghai().0.to_string()
}

/// A whole page around `main` (already HTML).
pub(super) fn page(lang: Lang, title: &str, main: &str) -> String {
    framed(lang, title, main, "")
}

/// A page that also runs `script` (a file of this site, deferred).
pub(super) fn page_with_script(lang: Lang, title: &str, main: &str, script: &str) -> String {
    framed(lang, title, main, &format!("<script src=\"{script}\" defer></script>"))
}

/// The frame: the header with the sections, `main`, the footer.
fn framed(lang: Lang, title: &str, main: &str, head: &str) -> String {
    let m = lang.messages();
    format!(
        "<!DOCTYPE html><html lang=\"{tag}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · 法i社区</title><link rel=\"stylesheet\" href=\"/reading.css\">{head}</head><body>\
         <header><a class=\"brand\" href=\"/\">法i社区</a><nav aria-label=\"{nav}\">\
         <a href=\"/articles\">{articles}</a><a href=\"/library\">{library}</a><a href=\"/me/files\">{files}</a></nav></header>\
         <main>{main}</main><footer><a href=\"/\">{home}</a></footer></body></html>",
        tag = lang.tag(),
        title = escape(title),
        nav = m.page_nav,
        articles = m.page_articles,
        library = m.page_library,
        files = m.page_my_files,
        home = m.page_home,
    )
}

/// A page that may hold someone's own data: no cache keeps it.
pub(super) fn respond(status: StatusCode, html: String) -> Response {
    let mut response = (status, Html(html)).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}

/// A page the same for everyone (an article, the library): checked again on every visit.
pub(super) fn respond_public(status: StatusCode, html: String) -> Response {
    let mut response = (status, Html(html)).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

pub(super) fn not_found(lang: Lang) -> Response {
    let m = lang.messages();
    let main = format!("<h1>{}</h1><p><a href=\"/\">{}</a></p>", m.page_not_found, m.page_home);
    respond(StatusCode::NOT_FOUND, page(lang, m.page_not_found, &main))
}

pub(super) fn trouble(lang: Lang, error: impl std::fmt::Display) -> Response {
    tracing::error!(error = %error, "page failed");
    let t = lang.texts();
    respond(StatusCode::INTERNAL_SERVER_ERROR, page(lang, t.err_internal, &format!("<p>{}</p>", t.err_internal)))
}

pub(super) async fn caller_of(state: &AppState, request: Request) -> Caller {
    let (parts, _) = request.into_parts();
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    caller::resolve(state, &parts.headers, peer).await
}

pub(super) fn topic(lang: Lang, category: Topic) -> &'static str {
    category.label(lang.texts())
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
