//! A community or a street leaving the programme, on 街道与社区: the open street's community,
//! its last day, its successor among the street's communities and why its later bookings are
//! cancelled; the open street once all its communities have left; and what has left, with the day.

use super::log::{BUTTON, FIELD};
use crate::api::call;
use crate::api::registers::{RetireCommunity, RetireStreet};
use crate::model::{Places, RetireCommunityRequest, RetireStreetRequest, RetiredPlace, SettleAction};
use crate::ui::components::error_note;
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

/// The form for one of the open street's communities; `left` runs once one has left. What was
/// done is kept in the page's `done`: the page redraws this form when its places are read again.
#[component]
pub(super) fn LeaveCommunity(found: Places, done: RwSignal<Option<String>>, left: Callback<()>) -> impl IntoView {
    let t = use_prefs().setup();
    let (which, successor) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let (day, reason) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let leave = Submit::new(move |(): &()| {
        call::<RetireCommunity>(RetireCommunityRequest {
            community_id: which.get_untracked().parse().unwrap_or(0),
            last_day: day.get_untracked(),
            successor_id: successor.get_untracked().parse().ok(),
            bookings: SettleAction::Cancel,
            reason: reason.get_untracked(),
        })
    })
    .then(move |result| {
        if let Ok(report) = result {
            let counts = (report.settled.cancelled, report.residents, report.questions);
            done.set(Some(format!("{}{} / {} / {}", t.leave_done, counts.0, counts.1, counts.2)));
            left.run(());
        }
    });
    let options = move || {
        found
            .communities
            .iter()
            .map(|c| view! { <option value=c.id.to_string()>{c.name.clone()}</option> })
            .collect_view()
    };
    view! {
        <section class="mt-4 space-y-2 rounded-lg border border-line bg-surface p-3" aria-labelledby="leave-community">
            <h2 id="leave-community" class="text-lg font-bold">{t.leave_community}</h2>
            <p class="text-sm text-muted">{t.leave_community_hint}</p>
            <label class="flex flex-col">{t.leave_which}
                <select class=FIELD bind:value=which><option value="">"—"</option>{options.clone()}</select>
            </label>
            <label class="flex flex-col">{t.retire_last_day}<input type="date" class=FIELD bind:value=day /></label>
            <label class="flex flex-col">{t.leave_successor}
                <select class=FIELD bind:value=successor><option value="">{t.leave_no_successor}</option>{options}</select>
            </label>
            <label class="flex flex-col">{t.settle_reason}<input class=FIELD maxlength="200" bind:value=reason /></label>
            <button class=BUTTON on:click=move |_| { done.set(None); leave.dispatch(()); } disabled=move || leave.pending().get()>
                {t.retire_save}
            </button>
            {move || done.get().map(|text| view! { <p role="status" class="font-bold text-brand">{text}</p> })}
            {move || leave.value().get().and_then(Result::err).map(error_note)}
        </section>
    }
}

/// The form for the open street `street_id`; `saved` takes the places it answers with.
#[component]
pub(super) fn LeaveStreet(street_id: i64, saved: Callback<Places>) -> impl IntoView {
    let t = use_prefs().setup();
    let day = RwSignal::new(String::new());
    let leave = Submit::new(move |(): &()| {
        call::<RetireStreet>(RetireStreetRequest { street_id, last_day: day.get_untracked() })
    })
    .then(move |result| {
        if let Ok(places) = result {
            saved.run(places.clone());
        }
    });
    view! {
        <section class="mt-4 space-y-2 rounded-lg border border-line bg-surface p-3" aria-labelledby="leave-street">
            <h2 id="leave-street" class="text-lg font-bold">{t.leave_street}</h2>
            <label class="flex flex-col">{t.retire_last_day}<input type="date" class=FIELD bind:value=day /></label>
            <button class=BUTTON on:click=move |_| leave.dispatch(()) disabled=move || leave.pending().get()>{t.retire_save}</button>
            {move || leave.value().get().and_then(Result::err).map(error_note)}
        </section>
    }
}

/// Streets and the open street's communities that have left, with their last day.
pub(super) fn left_list(places: &[RetiredPlace]) -> impl IntoView {
    let t = use_prefs().setup();
    (!places.is_empty()).then(|| {
        view! {
            <h2 class="mt-4 text-lg font-bold">{t.leave_left}</h2>
            <ul class="text-sm text-muted">
                {places.iter().map(|p| view! { <li>{format!("{} — {}", p.name, p.last_day)}</li> }).collect_view()}
            </ul>
        }
    })
}
