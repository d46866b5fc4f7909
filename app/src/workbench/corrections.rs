//! Staff decide the duty corrections lawyers ask for; each links to the lawyer's month.

use super::log::FIELD;
use crate::api::call;
use crate::api::duty::{DecideCorrection, ListCorrections};
use crate::model::{Correction, CorrectionDecision, Empty};
use crate::ui::components::{error_note, loaded};
use crate::ui::load::load;
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

#[component]
pub fn CorrectionsReview() -> impl IntoView {
    let prefs = use_prefs();
    let version = RwSignal::new(0u32);
    let waiting = load(move || {
        version.track();
        call::<ListCorrections>(Empty {})
    });
    view! {
        <h2 class="mb-2 mt-6 text-lg font-bold">{prefs.desk().review_corrections}</h2>
        {move || loaded(waiting.get(), move |list| if list.is_empty() {
            view! { <p class="text-muted">{prefs.desk().nothing}</p> }.into_any()
        } else {
            view! { <ul class="space-y-2">{list.into_iter().map(|c| view! { <Waiting c version /> }).collect_view()}</ul> }.into_any()
        })}
    }
}

#[component]
fn Waiting(c: Correction, version: RwSignal<u32>) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.desk();
    let note = RwSignal::new(String::new());
    let id = c.id;
    let decide = Submit::new(move |approve: &bool| {
        call::<DecideCorrection>(CorrectionDecision {
            correction_id: id,
            approve: *approve,
            note: note.get_untracked(),
        })
    })
    .then(move |answer| {
        if answer.is_ok() {
            version.update(|v| *v += 1)
        }
    });
    let month = c.served_on.get(..7).unwrap_or_default().to_owned();
    view! {
        <li class="rounded-lg border border-line bg-surface p-3">
            <a class="font-bold text-brand underline" href=format!("/desk/month?lawyer={}&m={month}", c.lawyer_id)>{c.lawyer_name.clone()}</a>
            <p class="text-sm">{format!("{} {} {}–{}", c.served_on, c.community_name, c.start, c.end)}{c.after_lock.then(|| format!(" · {}", t.after_lock))}</p>
            <p class="text-sm text-muted">{c.reason.clone()}</p>
            <div class="mt-2 flex gap-2">
                <button class="min-h-11 rounded-lg border-2 border-brand px-3 font-bold text-brand" on:click=move |_| decide.dispatch(true)>{t.approve}</button>
                <input type="text" maxlength="200" class=FIELD aria-label=t.comment placeholder=t.comment bind:value=note />
                <button class="min-h-11 rounded-lg border-2 border-danger px-3 font-bold text-danger" on:click=move |_| decide.dispatch(false)>{t.reject}</button>
            </div>
            {move || decide.value().get().and_then(Result::err).map(error_note)}
        </li>
    }
}
