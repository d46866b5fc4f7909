//! `/library` and `/library/<id>`: find a template by a word (no script needed) and download it.

use super::layout::{caller_of, date, escape, not_found, page, respond_public, topic, trouble};
use crate::state::AppState;
use app::domain::Topic;
use app::i18n::{Lang, Messages};
use app::model::{DocumentSummary, LibraryQuery};
use axum::extract::{Path, Query, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use std::fmt::Write;

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

pub(super) fn size(bytes: i64) -> String {
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
        downloads = crate::text::fill(m.page_downloads, &[("n", &d.downloads.to_string())]),
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
            let _ = write!(main, "<p role=\"alert\">{}</p>", escape(&error.answer(lang).message));
        }
    }
    respond_public(StatusCode::OK, page(lang, m.page_library, &main))
}

/// `/library/<id>`: one document with every version.
pub async fn document(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let caller = caller_of(&state, request).await;
    let lang = caller.lang;
    let Ok(id) = id.parse::<i64>() else { return not_found(lang) };
    let detail = match state.library.document(&caller, app::model::DocumentRequest { document_id: id }).await {
        Ok(detail) => detail,
        Err(e) if e.kind() == app::error::ErrorKind::NotFound => return not_found(lang),
        Err(error) => return trouble(lang, error.answer(lang).message),
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
                label = crate::text::fill(m.page_version, &[("n", &v.version.to_string())]),
                date = date(v.file.created_at),
                note = escape(&v.note),
                token = v.file.token,
                download = m.page_download,
            );
        }
        main.push_str("</ul>");
    }
    let _ = write!(main, "<p><a href=\"/library\">{}</a></p>", m.page_library);
    respond_public(StatusCode::OK, page(lang, &detail.document.title, &main))
}
