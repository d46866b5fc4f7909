//! 短信: the text messages of a period by kind — queued, accepted by the provider, on the phone,
//! failed, still waiting — and why they failed, so a template the provider stopped accepting or
//! a run of wrong numbers is seen the day it starts. The district's staff.

use super::log::FIELD;
use crate::api::call;
use crate::api::staff::GetMessageCounts;
use crate::model::{MessageCounts, MessagesRequest};
use crate::time::Instant;
use crate::ui::components::{error_note, page_title};
use crate::ui::platform;
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

const CELL: &str = "border-b border-line px-2 py-1 text-left";

#[component]
pub fn MessagesPage() -> impl IntoView {
    let t = use_prefs().setup();
    let today = Instant(platform::now_ms()).to_shanghai().0;
    let (from, to) = (RwSignal::new(today.plus_days(-6).to_string()), RwSignal::new(today.to_string()));
    let read = Submit::new(move |(): &()| {
        call::<GetMessageCounts>(MessagesRequest { from: from.get_untracked(), to: to.get_untracked() })
    });
    read.dispatch(());
    view! {
        {page_title(t.nav_messages)}
        <form class="mb-3 grid gap-2 md:grid-cols-3" on:submit=move |e| { e.prevent_default(); read.dispatch(()); }>
            <label class="flex flex-col text-sm">{t.messages_from}<input type="date" class=FIELD bind:value=from /></label>
            <label class="flex flex-col text-sm">{t.messages_to}<input type="date" class=FIELD bind:value=to /></label>
            <button class="min-h-11 self-end rounded-lg bg-brand px-4 font-bold text-white">{t.messages_show}</button>
        </form>
        {move || read.value().get().map(|answer| match answer {
            Ok(counts) => counts_view(counts).into_any(),
            Err(error) => error_note(error).into_any(),
        })}
    }
}

fn counts_view(counts: MessageCounts) -> impl IntoView {
    let t = use_prefs().setup();
    if counts.kinds.is_empty() {
        return view! { <p class="text-muted">{t.messages_none}</p> }.into_any();
    }
    let heads = [
        t.messages_kind,
        t.messages_queued,
        t.messages_sent,
        t.messages_delivered,
        t.messages_failed,
        t.messages_waiting,
    ];
    view! {
        <div class="overflow-x-auto">
            <table class="mb-4 w-full text-sm">
                <thead><tr>{heads.into_iter().map(|h| view! { <th class=CELL>{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {counts.kinds.into_iter().map(|k| view! {
                        <tr>
                            <td class=CELL>{k.kind}</td>
                            {[k.queued, k.sent, k.delivered, k.failed, k.waiting].into_iter().map(|n| view! { <td class=CELL>{n}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(!counts.failures.is_empty()).then(|| view! {
            <h2 class="mb-2 text-lg font-bold">{t.messages_reasons}</h2>
            <ul class="list-disc pl-5">
                {counts.failures.into_iter().map(|f| view! { <li>{format!("{} × {}", f.reason, f.count)}</li> }).collect_view()}
            </ul>
        })}
    }
    .into_any()
}
