//! `/library` (find a template by a word, no script needed) and `/library/<id>` (one document
//! with every version).

use super::bits::{date, size, with_n, ACTIONS, BUTTON, BUTTON_OUTLINE, CARD, FIELD, LABEL, META};
use crate::domain::Topic;
use crate::i18n::Lang;
use crate::model::{DocumentDetail, DocumentSummary, FileRef};
use crate::ui::components::page_title;
use leptos::prelude::*;

/// The search form and what it found (or why it could not search).
pub fn search(
    lang: Lang,
    query: String,
    category: Option<Topic>,
    found: Result<Vec<DocumentSummary>, String>,
) -> AnyView {
    let m = lang.messages();
    let t = lang.texts();
    view! {
        {page_title(m.page_library)}
        <form method="get" action="/library" role="search" class="my-3 space-y-2">
            <label for="q" class=LABEL>{m.page_search}</label>
            <input id="q" name="q" type="search" maxlength="50" value=query placeholder=m.page_search_hint class=FIELD />
            <label for="category" class=LABEL>{m.page_category}</label>
            <select id="category" name="category" class=FIELD>
                <option value="">{m.page_all_categories}</option>
                {Topic::ALL.iter().map(|topic| view! {
                    <option value=topic.as_str() selected=Some(*topic) == category>{topic.label(t)}</option>
                }).collect_view()}
            </select>
            <button type="submit" class=BUTTON>{m.page_search}</button>
        </form>
        {match found {
            Ok(found) if found.is_empty() => view! { <p class="my-3 text-muted">{m.page_no_documents}</p> }.into_any(),
            Ok(found) => view! {
                <ul class="space-y-3">{found.into_iter().map(|d| view! { <li class=CARD>{card(lang, d, false)}</li> }).collect_view()}</ul>
            }.into_any(),
            Err(message) => view! { <p role="alert" class="my-3 text-danger">{message}</p> }.into_any(),
        }}
    }
    .into_any()
}

/// One document, its earlier versions, and the way back.
pub fn document(lang: Lang, detail: DocumentDetail) -> AnyView {
    let m = lang.messages();
    let versions = (detail.versions.len() > 1).then(|| {
        view! {
            <h2 class="mb-2 mt-6 text-lg font-bold">{m.page_versions}</h2>
            <ul class="space-y-2">
                {detail.versions.into_iter().map(|v| view! {
                    <li>
                        {format!("{} · {} {} ", with_n(m.page_version, v.version), date(v.file.created_at), v.note)}
                        <a href=format!("/files/{}", v.file.token) download="" class="text-brand underline">{m.page_download}</a>
                    </li>
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <div class=CARD>{card(lang, detail.document, true)}</div>
        {versions}
        <p class="my-3"><a href="/library" class="text-brand underline">{m.page_library}</a></p>
    }
    .into_any()
}

/// A document: its title (the page's heading when `heading`), summary, tags and downloads.
fn card(lang: Lang, d: DocumentSummary, heading: bool) -> impl IntoView {
    let m = lang.messages();
    let title = view! { <a href=format!("/library/{}", d.id) class="font-bold text-brand">{d.title}</a> };
    view! {
        {if heading {
            view! { <h1 class="text-2xl">{title}</h1> }.into_any()
        } else {
            title.into_any()
        }}
        <p>{d.summary}</p>
        <p class=META>
            {d.category.label(lang.texts())}" "
            {d.tags.into_iter().map(|tag| view! { <span class="rounded bg-brand-soft px-2 text-sm text-brand">{tag}</span>" " }).collect_view()}
            {format!("· {}", with_n(m.page_downloads, d.downloads))}
        </p>
        <p class=ACTIONS>{downloads(lang, d.file)}</p>
    }
}

/// Download, and for a PDF or a picture, look at it first.
fn downloads(lang: Lang, file: FileRef) -> impl IntoView {
    let m = lang.messages();
    let label = format!("{} {} · {}", m.page_download, file.kind.extension().to_uppercase(), size(file.size));
    let preview = file.kind.previewable().then(|| {
        view! { <a href=format!("/files/{}?inline=1", file.token) class=BUTTON_OUTLINE>{m.page_preview}</a> }
    });
    view! {
        <a href=format!("/files/{}", file.token) download="" class=BUTTON>{label}</a>
        {preview}
    }
}
