//! A lawyer leaving the programme, as the district's staff record it in the register: the last
//! day, and what becomes of the bookings after it.

use super::log::{BUTTON, FIELD};
use crate::api::call;
use crate::api::registers::RetireLawyer;
use crate::model::{RetireLawyerRequest, SettleAction};
use crate::ui::components::error_note;
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

/// The form for `lawyer_id`, or the day they left.
#[component]
pub(super) fn RetireForm(lawyer_id: i64, last_day: Option<String>) -> impl IntoView {
    let t = use_prefs().setup();
    if let Some(day) = last_day {
        return view! { <p class="mt-3 font-bold">{format!("{}{day}", t.retire_left)}</p> }.into_any();
    }
    let (day, cancel, reason) = (RwSignal::new(String::new()), RwSignal::new(false), RwSignal::new(String::new()));
    let retire = Submit::new(move |(): &()| {
        let bookings = if cancel.get_untracked() { SettleAction::Cancel } else { SettleAction::HandOver };
        call::<RetireLawyer>(RetireLawyerRequest {
            lawyer_id,
            last_day: day.get_untracked(),
            bookings,
            reason: reason.get_untracked(),
        })
    });
    view! {
        <section class="mt-3 space-y-2 rounded-lg border border-line bg-surface p-3">
            <h3 class="font-bold">{t.retire_title}</h3>
            <p class="text-sm text-muted">{t.retire_hint}</p>
            <label for="retire-day" class="block">{t.retire_last_day}</label>
            <input id="retire-day" type="date" class=FIELD bind:value=day />
            <label class="flex min-h-11 items-center gap-2"><input type="checkbox" bind:checked=cancel />{t.retire_cancel}</label>
            <label for="retire-reason" class="block">{t.settle_reason}</label>
            <input id="retire-reason" class=FIELD maxlength="200" bind:value=reason />
            <button class=BUTTON on:click=move |_| retire.dispatch(()) disabled=move || retire.pending().get()>{t.retire_save}</button>
            {move || retire.value().get().map(|answer| match answer {
                Ok(done) => {
                    let text = format!("{}{} / {}", t.retire_done, done.settled.handed_over, done.settled.cancelled);
                    view! { <p role="status" class="font-bold text-brand">{text}</p> }.into_any()
                }
                Err(error) => error_note(error).into_any(),
            })}
        </section>
    }
    .into_any()
}
