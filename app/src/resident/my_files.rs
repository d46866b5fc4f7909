//! 我的资料: the resident's own files (photos of a contract, a notice) for their community's
//! lawyers, and what the lawyers sent back. Uploads show their progress; each file opens
//! through the server, which checks who is asking.

use crate::api::call;
use crate::api::files::{DeleteFile, MyFiles, ShareFile};
use crate::model::{Empty, FileRequest, ShareRequest, SharedFile};
use crate::ui::components::{error_note, loaded, page_title, FileUpload, SignInLink};
use crate::ui::load::load;
use crate::ui::submit::Submit;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

#[component]
pub fn MyFilesPage() -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    let t = prefs.t();
    let version = RwSignal::new(0u32);
    let files = load(move || {
        version.track();
        call::<MyFiles>(Empty {})
    });
    let share = Submit::new(|token: &String| {
        call::<ShareFile>(ShareRequest { token: token.clone(), booking_id: None, resident_id: None })
    })
    .then(move |answer| {
        if answer.is_ok() {
            version.update(|v| *v += 1)
        }
    });
    view! {
        {page_title(t.my_files)}
        <p class="mb-4 text-sm text-muted">{t.my_files_note}</p>
        {move || if session.me.get().is_none() {
            view! { <SignInLink class="flex min-h-12 items-center justify-center rounded-lg bg-brand font-bold text-white">{t.me_sign_in}</SignInLink> }.into_any()
        } else {
            view! {
                <FileUpload label=t.my_files_add done=Callback::new(move |file: crate::model::FileRef| share.dispatch(file.token)) />
                {move || share.value().get().and_then(Result::err).map(error_note)}
                <h2 class="mb-2 mt-6 text-lg font-bold">{t.my_files}</h2>
                {move || loaded(files.get(), move |list| if list.is_empty() {
                    view! { <p class="text-muted">{t.my_files_empty}</p> }.into_any()
                } else {
                    view! { <ul class="space-y-2">{list.into_iter().map(|f| file_row(f, version)).collect_view()}</ul> }.into_any()
                })}
            }.into_any()
        }}
    }
}

/// One file: a thumbnail or its kind, its name and who sent it, open and delete.
fn file_row(shared: SharedFile, version: RwSignal<u32>) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.t();
    let file = shared.file;
    let href = format!("/files/{}", file.token);
    let token = file.token.clone();
    let delete =
        Submit::new(move |(): &()| call::<DeleteFile>(FileRequest { token: token.clone() })).then(move |answer| {
            if answer.is_ok() {
                version.update(|v| *v += 1)
            }
        });
    let from = if shared.from_lawyer { format!("{} · {}", t.from_lawyer, shared.shared_by) } else { shared.community };
    view! {
        <li class="flex items-center gap-3 rounded-lg border border-line bg-surface p-3">
            {if file.thumb {
                view! { <img src=format!("{href}?thumb=1") alt="" width="56" height="56" loading="lazy" class="h-14 w-14 rounded object-cover" /> }.into_any()
            } else {
                view! { <span class="flex h-14 w-14 items-center justify-center rounded bg-brand-soft font-bold uppercase text-brand">{file.kind.extension()}</span> }.into_any()
            }}
            <div class="min-w-0 flex-1">
                <a href=format!("{href}?inline=1") rel="external" target="_blank" class="block truncate font-bold text-brand underline">{file.name}</a>
                <p class="text-sm text-muted">{from}" · "{shared.shared_at.format_shanghai()}</p>
                {move || delete.value().get().and_then(Result::err).map(error_note)}
            </div>
            <button class="min-h-11 rounded-lg border-2 border-line px-3" on:click=move |_| delete.dispatch(())>{t.delete}</button>
        </li>
    }
}
