//! `/me/files` (我的资料): a resident's files for their community's lawyers, and what the lawyers
//! sent back. `/my-files.js` uploads a picked file with a progress bar (then shares it into the
//! folder) and deletes, both through the JSON API, and reloads; the ids and `data-` texts below
//! are what it reads.

use super::ask::ACCEPT;
use super::bits::{size, BUTTON, BUTTON_OUTLINE, CARD, FIELD, LABEL, META, PROBLEM};
use crate::i18n::Lang;
use crate::model::SharedFile;
use crate::time::Instant;
use crate::ui::components::page_title;
use leptos::prelude::*;

/// A booking a file can go with (upcoming, or of the last month).
#[derive(Debug, Clone)]
pub struct Matter {
    /// The booking.
    pub id: i64,
    /// Its code.
    pub code: String,
    /// When it starts.
    pub start: Instant,
    /// Its community.
    pub community: String,
}

/// The upload form and the files.
pub fn page(lang: Lang, files: Vec<SharedFile>, matters: Vec<Matter>, max_upload: usize) -> AnyView {
    let m = lang.messages();
    let empty = files.is_empty();
    view! {
        {page_title(m.page_my_files)}
        <p class="my-3">{m.page_files_note}</p>
        <form id="upload" class="my-3 space-y-2" data-offline=m.page_offline data-max=max_upload.to_string() data-too-large=m.err_file_too_large>
            <label for="matter" class=LABEL>{m.page_files_about}</label>
            <select id="matter" name="booking" class=FIELD>
                <option value="">{m.page_files_folder}</option>
                {matters.into_iter().map(|b| view! {
                    <option value=b.id.to_string()>{format!("{} {} · {} · {}", m.page_files_booking, b.code, b.start.format_shanghai(), b.community)}</option>
                }).collect_view()}
            </select>
            <label for="file" class=BUTTON>{m.page_files_add}</label>
            <input id="file" name="file" type="file" accept=ACCEPT class="picker" />
            <p id="status" role="status" hidden=true>{m.page_uploading}" "<span id="percent">"0"</span>"%"</p>
            <progress id="progress" max="100" value="0" hidden=true aria-label=m.page_uploading></progress>
            <p id="problem" role="alert" class=PROBLEM hidden=true></p>
        </form>
        <noscript><p>{m.page_files_noscript}</p></noscript>
        <h2 class="mb-2 mt-6 text-lg font-bold">{m.page_my_files}</h2>
        {empty.then(|| view! { <p class="text-muted">{m.page_files_empty}</p> })}
        <ul class="space-y-3">{files.into_iter().map(|shared| file_card(lang, shared)).collect_view()}</ul>
    }
    .into_any()
}

/// A file: its picture or kind, who shared it, and a way to delete it.
fn file_card(lang: Lang, shared: SharedFile) -> impl IntoView {
    let m = lang.messages();
    let f = shared.file;
    let picture = if f.thumb {
        view! { <img src=format!("/files/{}?thumb=1", f.token) alt="" width="56" height="56" loading="lazy" class="h-14 w-14 shrink-0 rounded" /> }.into_any()
    } else {
        view! {
            <span class="flex h-14 w-14 shrink-0 items-center justify-center rounded bg-brand-soft text-sm font-bold text-brand">
                {f.kind.extension().to_uppercase()}
            </span>
        }
        .into_any()
    };
    let from =
        if shared.from_lawyer { format!("{} {}", m.page_from_lawyer, shared.shared_by) } else { shared.community };
    let open = if f.kind.previewable() { "?inline=1" } else { "" };
    let meta = format!("{from} · {} · {}", size(f.size), shared.shared_at.format_shanghai());
    view! {
        <li class=format!("flex items-center gap-3 {CARD}")>
            {picture}
            <div class="min-w-0 flex-1">
                <a href=format!("/files/{}{open}", f.token) class="block break-all font-bold text-brand">{f.name.clone()}</a>
                <p class=META>{meta}</p>
            </div>
            <button type="button" data-delete=f.token.clone() aria-label=format!("{} {}", m.page_delete, f.name) class=BUTTON_OUTLINE>{m.page_delete}</button>
        </li>
    }
}

/// Someone not signed in as a resident.
pub fn signed_out(lang: Lang) -> AnyView {
    let m = lang.messages();
    super::notice::sign_in_first(lang, m.page_my_files, Some(m.page_files_note)).into_any()
}
