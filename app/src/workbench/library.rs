//! 资料共享 on the workbench: lawyers and staff publish a template or guide (the file first,
//! then its title, category, tags and summary) and add new versions; the list shows downloads.

use super::log::FIELD;
use crate::api::call;
use crate::api::library::{PublishDocument, ReviseDocument, SearchLibrary};
use crate::domain::Topic;
use crate::model::{DocumentSummary, FileRef, LibraryQuery, PublishRequest, ReviseRequest};
use crate::ui::components::{error_note, loaded, FileUpload};
use crate::ui::load::load;
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

#[component]
pub fn LibraryDesk() -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let version = RwSignal::new(0u32);
    let documents = load(move || {
        version.track();
        call::<SearchLibrary>(LibraryQuery::default())
    });
    let file = RwSignal::new(None::<FileRef>);
    let (title, category, tags, summary) = (
        RwSignal::new(String::new()),
        RwSignal::new("other".to_owned()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let publish = Submit::new(move |(): &()| {
        call::<PublishDocument>(PublishRequest {
            title: title.get_untracked(),
            category: Topic::from_db(&category.get_untracked()).unwrap_or(Topic::Other),
            tags: tags.get_untracked(),
            summary: summary.get_untracked(),
            token: file.get_untracked().map(|f| f.token).unwrap_or_default(),
        })
    })
    .then(move |answer| {
        if answer.is_ok() {
            file.set(None);
            title.set(String::new());
            version.update(|v| *v += 1);
        }
    });
    view! {
        <h2 class="mb-2 mt-6 text-lg font-bold">{t.library_title}</h2>
        <form class="space-y-2 rounded-lg border border-line bg-surface p-3" on:submit=move |ev| { ev.prevent_default(); publish.dispatch(()); }>
            <FileUpload label=t.library_file done=Callback::new(move |f: FileRef| file.set(Some(f))) />
            {move || file.get().map(|f| view! { <p class="text-sm">{t.library_chosen}" "{f.name}</p> })}
            <label class="block"><span class="text-sm font-bold">{t.article_title}</span><input class=FIELD maxlength="100" bind:value=title /></label>
            <label class="block"><span class="text-sm font-bold">{t.article_category}</span>{topics(category)}</label>
            <label class="block"><span class="text-sm font-bold">{t.library_tags}</span><input class=FIELD maxlength="200" bind:value=tags /></label>
            <label class="block"><span class="text-sm font-bold">{t.library_summary}</span><textarea class=FIELD maxlength="500" rows="2" bind:value=summary></textarea></label>
            <button type="submit" class="min-h-11 rounded-lg bg-brand px-4 font-bold text-white" disabled=move || file.get().is_none()>{t.library_publish}</button>
            {move || publish.value().get().and_then(Result::err).map(error_note)}
        </form>
        {move || loaded(documents.get(), move |list| view! {
            <ul class="mt-3 space-y-2">{list.into_iter().map(|d| view! { <Document d version /> }).collect_view()}</ul>
        }.into_any())}
    }
}

/// A category picker over the booking topics.
pub fn topics(value: RwSignal<String>) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <select class=FIELD bind:value=value>
            {Topic::ALL.iter().map(|t| view! { <option value=t.as_str()>{t.label(prefs.t())}</option> }).collect_view()}
        </select>
    }
}

/// A published document, with a way to add a version.
#[component]
fn Document(d: DocumentSummary, version: RwSignal<u32>) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let id = d.id;
    let revise = Submit::new(move |file: &FileRef| {
        call::<ReviseDocument>(ReviseRequest { document_id: id, token: file.token.clone(), note: String::new() })
    })
    .then(move |answer| {
        if answer.is_ok() {
            version.update(|v| *v += 1)
        }
    });
    view! {
        <li class="rounded-lg border border-line bg-surface p-3">
            <a href=format!("/library/{id}") rel="external" class="font-bold text-brand underline">{d.title}</a>
            <p class="text-sm text-muted">{format!("{} · v{} · {} {}", d.category.label(prefs.t()), d.version, d.downloads, t.library_downloads)}</p>
            <details class="mt-1">
                <summary class="min-h-11 cursor-pointer py-2 text-sm">{t.library_new_version}</summary>
                <FileUpload label=t.library_file done=Callback::new(move |f: FileRef| revise.dispatch(f)) />
                {move || revise.value().get().and_then(Result::err).map(error_note)}
            </details>
        </li>
    }
}
