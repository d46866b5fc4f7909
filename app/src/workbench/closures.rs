//! On 排班: the bookings no duty covers any more, settled all at once (handed to the backup or
//! cancelled with a message), and closed days for a community or its whole street.

use super::log::{BUTTON, FIELD};
use crate::api::call;
use crate::api::desk::{AddDutyException, CloseStreet, SettleBookings};
use crate::model::{CloseStreetRequest, DutyExceptionRequest, SettleAction, SettleRequest, UncoveredBooking};
use crate::ui::components::error_note;
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

/// The uncovered bookings, with the two ways to settle them.
pub fn uncovered_list(
    community_id: i64,
    bookings: Vec<UncoveredBooking>,
    changed: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_prefs().setup();
    let ids: Vec<i64> = bookings.iter().map(|b| b.id).collect();
    let reason = RwSignal::new(String::new());
    let settle = Submit::new(move |action: &SettleAction| {
        let request =
            SettleRequest { community_id, booking_ids: ids.clone(), action: *action, reason: reason.get_untracked() };
        call::<SettleBookings>(request)
    })
    .then(move |answer| {
        if answer.is_ok() {
            changed()
        }
    });
    view! {
        <section role="status" class="my-3 space-y-2 rounded border border-danger bg-danger-soft p-3">
            <p class="font-bold">{use_prefs().desk().schedule_uncovered}</p>
            <ul>{bookings.into_iter().map(|b| view! { <li>{format!("{} · {}", b.code, b.start.format_shanghai())}</li> }).collect_view()}</ul>
            <button class=BUTTON on:click=move |_| settle.dispatch(SettleAction::HandOver)>{t.settle_hand_over}</button>
            <label for="settle-reason" class="block">{t.settle_reason}</label>
            <input id="settle-reason" class=FIELD maxlength="200" bind:value=reason />
            <button class="min-h-11 rounded-lg border-2 border-danger px-3" on:click=move |_| settle.dispatch(SettleAction::Cancel)>{t.settle_cancel}</button>
            {move || settle.value().get().and_then(Result::err).map(error_note)}
        </section>
    }
}

/// Closes the community, or every community of its street, on a day.
#[component]
pub fn ClosedDayForm(
    community_id: i64,
    street_id: i64,
    changed: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_prefs().setup();
    let (date, note, whole_street) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(false));
    let close = Submit::new(move |(): &()| async move {
        let (date, note) = (date.get_untracked(), note.get_untracked());
        if whole_street.get_untracked() {
            call::<CloseStreet>(CloseStreetRequest { street_id, date, note }).await.map(Some)
        } else {
            call::<AddDutyException>(DutyExceptionRequest { community_id, date, extra: None, note })
                .await
                .map(|()| None)
        }
    })
    .then(move |answer| {
        if answer.is_ok() {
            changed()
        }
    });
    view! {
        <h2 class="mb-2 mt-6 text-lg font-bold">{t.closed_title}</h2>
        <p class="mb-2 text-sm text-muted">{t.closed_hint}</p>
        <section class="space-y-2 rounded-lg border border-line bg-surface p-3">
            <label for="closed-date" class="block">{t.closed_date}</label>
            <input id="closed-date" type="date" class=FIELD bind:value=date />
            <label for="closed-note" class="block">{t.closed_note}</label>
            <input id="closed-note" class=FIELD maxlength="200" bind:value=note />
            <label class="flex min-h-11 items-center gap-2">
                <input type="checkbox" bind:checked=whole_street />{t.closed_street}
            </label>
            <button class=BUTTON on:click=move |_| close.dispatch(()) disabled=move || close.pending().get()>{t.closed_save}</button>
            {move || close.value().get().map(|answer| match answer {
                Ok(Some(street)) => {
                    let with = street.bookings.iter().map(|c| format!("{} ({})", c.community_name, c.live_bookings)).collect::<Vec<_>>().join("、");
                    view! {
                        <p role="status">{format!("{}{}", t.closed_done, street.closed)}</p>
                        {(!with.is_empty()).then(|| view! { <p>{format!("{}{with}", t.closed_with_bookings)}</p> })}
                    }.into_any()
                }
                Ok(None) => view! { <p role="status">{t.settle_done}</p> }.into_any(),
                Err(error) => error_note(error).into_any(),
            })}
        </section>
    }
}
