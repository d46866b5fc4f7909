//! 居民资料: the files residents shared with the caller's communities (every community, for
//! staff), and files sent back to a resident. Every opening of a file is audited by the server.

use super::log::FIELD;
use crate::api::call;
use crate::api::files::{ResidentsFiles, ShareFile};
use crate::model::{Empty, FileRef, ShareRequest, SharedFile};
use crate::ui::components::{error_note, loaded, page_title, FileUpload};
use crate::ui::load::load;
use crate::ui::router::percent_encode;
use crate::ui::submit::Submit;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

#[component]
pub fn FilesPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let version = RwSignal::new(0u32);
    let files = load(move || {
        version.track();
        call::<ResidentsFiles>(Empty {})
    });
    // Staff say why they open a resident's file; the resident sees it.
    let staff = use_session().me.get_untracked().is_some_and(|me| me.role.is_staff());
    let why = staff.then(|| RwSignal::new(String::new()));
    view! {
        {page_title(t.files_title)}
        <p class="mb-4 text-sm text-muted">{t.files_note}</p>
        {why.map(|why| view! {
            <label class="mb-4 flex flex-col">{t.questions_reason}<input class=FIELD maxlength="200" bind:value=why /></label>
        })}
        {move || loaded(files.get(), move |list| {
            let mut residents: Vec<(i64, String)> = list.iter().map(|f| (f.resident_id, f.resident_name.clone())).collect();
            residents.sort();
            residents.dedup();
            view! {
                {(!residents.is_empty()).then(|| view! { <SendBack residents version /> })}
                {if list.is_empty() {
                    view! { <p class="text-muted">{t.files_none}</p> }.into_any()
                } else {
                    view! { <ul class="space-y-2">{list.into_iter().map(|f| row(f, why)).collect_view()}</ul> }.into_any()
                }}
            }.into_any()
        })}
    }
}

/// One shared file; `why`, the reason staff give for opening it (no thumbnail for them: each
/// opening is theirs to justify).
fn row(shared: SharedFile, why: Option<RwSignal<String>>) -> impl IntoView {
    let prefs = use_prefs();
    let file = shared.file;
    let base = format!("/files/{}", file.token);
    // The address with `query` and, for staff, their reason.
    let with = move |query: &str| {
        let reason = why.map(|why| format!("reason={}", percent_encode(&why.get())));
        let parts: Vec<String> =
            [(!query.is_empty()).then(|| query.to_owned()), reason].into_iter().flatten().collect();
        if parts.is_empty() {
            base.clone()
        } else {
            format!("{base}?{}", parts.join("&"))
        }
    };
    let (open, href) = (with.clone(), move || with(""));
    let booking = shared.booking_code.map(|code| format!(" · {code}")).unwrap_or_default();
    view! {
        <li class="flex items-center gap-3 rounded-lg border border-line bg-surface p-3">
            {(file.thumb && why.is_none()).then(|| view! { <img src=format!("/files/{}?thumb=1", file.token) alt="" width="56" height="56" loading="lazy" class="h-14 w-14 rounded object-cover" /> })}
            <div class="min-w-0 flex-1">
                <a href=move || open("inline=1") rel="external" target="_blank" class="block truncate font-bold text-brand underline">{file.name}</a>
                <p class="text-sm">{shared.resident_name}" · "{shared.community}{booking}</p>
                <p class="text-sm text-muted">
                    {shared.from_lawyer.then(|| format!("{} {} · ", prefs.desk().files_sent_by, shared.shared_by))}
                    {shared.shared_at.format_shanghai()}
                </p>
            </div>
            <a href=href rel="external" download class="flex min-h-11 items-center rounded-lg border-2 border-line px-3">{prefs.desk().files_download}</a>
        </li>
    }
}

/// Sends a file (a drafted letter, an opinion) to one of these residents.
#[component]
fn SendBack(residents: Vec<(i64, String)>, version: RwSignal<u32>) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let resident = RwSignal::new(residents.first().map(|r| r.0.to_string()).unwrap_or_default());
    let share = Submit::new(move |file: &FileRef| {
        call::<ShareFile>(ShareRequest {
            token: file.token.clone(),
            booking_id: None,
            resident_id: resident.get_untracked().parse().ok(),
        })
    })
    .then(move |answer| {
        if answer.is_ok() {
            version.update(|v| *v += 1)
        }
    });
    view! {
        <section class="mb-6 space-y-2 rounded-lg border border-line bg-surface p-3">
            <label class="block">
                <span class="text-sm font-bold">{t.files_send_to}</span>
                <select class=FIELD bind:value=resident>
                    {residents.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                </select>
            </label>
            <FileUpload label=t.files_send done=Callback::new(move |file: FileRef| share.dispatch(file)) />
            {move || share.value().get().and_then(Result::err).map(error_note)}
        </section>
    }
}
