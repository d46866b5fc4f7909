use crate::api::booking::{BookSlot, GetAvailability, JoinWaitlist, RescheduleBooking};
use crate::api::call;
use crate::domain::{Channel, Topic};
use crate::error::AppError;
use crate::model::{AvailabilityRequest, AvailableDay, BookRequest, FreeSlot, RescheduleRequest, WaitlistRequest};
use crate::time::format_hh_mm;
use crate::ui::components::{error_note, loaded, page_title, SignInLink};
use crate::ui::load::load;
use crate::ui::router::{query_param, use_location, with_param};
use crate::ui::submit::Submit;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

/// 预约 tab: books at the resident's own community, or asks them to choose one.
#[component]
pub fn BookingTab() -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    view! {
        {page_title(prefs.t().book_title)}
        {move || match session.me.get().and_then(|me| me.community_id) {
            Some(id) => view! { <SlotBooking community_id=id /> }.into_any(),
            None => view! {
                <p class="mb-4">{prefs.t().book_pick_community}</p>
                <a href="/" class="flex min-h-12 items-center justify-center rounded-lg bg-brand font-bold text-white">{prefs.t().home_pick_community}</a>
            }.into_any(),
        }}
        <a href="/bookings" class="mt-4 flex min-h-12 items-center justify-center rounded-lg border-2 border-brand font-bold text-brand">{prefs.t().my_bookings}</a>
    }
}

/// `/communities/:id/book`: books at a given community (`?move=<booking id>` moves a booking).
#[component]
pub fn BookPage(community_id: i64) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        {page_title(prefs.t().book_title)}
        <SlotBooking community_id />
    }
}

/// Day chips, slot buttons, then the form for the chosen slot. The chosen slot is kept in the
/// page's address (`?slot=`), so signing in (or a reload) brings the resident back to it.
#[component]
fn SlotBooking(community_id: i64) -> impl IntoView {
    let prefs = use_prefs();
    let availability = load(move || call::<GetAvailability>(AvailabilityRequest { community_id }));
    let location = use_location();
    let wanted = location.query.with_untracked(|q| query_param(q, "slot")).and_then(|ms| ms.parse::<i64>().ok());
    let day = RwSignal::new(0usize);
    let slot = RwSignal::new(None::<FreeSlot>);
    Effect::new(move |_| {
        if let (Some(Ok(a)), Some(ms)) = (availability.get(), wanted) {
            if let Some((i, s)) = find_slot(&a.days, ms) {
                day.set(i);
                slot.set(Some(s));
            }
        }
    });
    Effect::new(move |_| {
        if let Some(s) = slot.get() {
            let query = location.query.with_untracked(|q| with_param(q, "slot", &s.start.0.to_string()));
            location.navigate(&format!("{}?{query}", location.path.get_untracked()), true);
        }
    });
    view! {
        {move || loaded(availability.get(), |value| match value {
            a if a.days.is_empty() => view! { <p class="text-muted">{prefs.t().book_no_slots}</p> }.into_any(),
            a => {
                let days = a.days.clone();
                view! {
                    <DayChips days=days.clone() day chosen=slot />
                    {move || days.get(day.get()).cloned().map(|d| view! { <SlotButtons day=d chosen=slot /> })}
                    {move || slot.get().map(|s| if s.seats_left == 0 {
                        view! { <Waitlist community_id free=s /> }.into_any()
                    } else {
                        view! { <BookingForm community_id free=s /> }.into_any()
                    })}
                }.into_any()
            }
        })}
    }
}

/// The day index and slot that start at `ms`, if still offered.
fn find_slot(days: &[AvailableDay], ms: i64) -> Option<(usize, FreeSlot)> {
    days.iter().enumerate().find_map(|(i, d)| d.slots.iter().find(|s| s.start.0 == ms).map(|s| (i, s.clone())))
}

#[component]
fn DayChips(days: Vec<AvailableDay>, day: RwSignal<usize>, chosen: RwSignal<Option<FreeSlot>>) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <div class="-mx-4 mb-3 flex gap-2 overflow-x-auto px-4 pb-1">
            {days.into_iter().enumerate().map(|(i, d)| {
                let label = format!("{} {}", prefs.lang.get_untracked().weekday(d.weekday), &d.date[5..]);
                view! {
                    <button
                        class={move || if day.get() == i { "min-h-12 shrink-0 rounded-lg border-2 border-brand bg-brand-soft px-3" } else { "min-h-12 shrink-0 rounded-lg border-2 px-3" }}
                        aria-pressed=move || (day.get() == i).to_string()
                        on:click=move |_| { day.set(i); chosen.set(None); }>{label}</button>
                }
            }).collect_view()}
        </div>
    }
}

#[component]
fn SlotButtons(day: AvailableDay, chosen: RwSignal<Option<FreeSlot>>) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <div class="mb-4 grid grid-cols-3 gap-2">
            {day.slots.into_iter().map(|s| {
                let time = format_hh_mm(s.start.to_shanghai().1);
                let is_chosen = { let start = s.start; move || chosen.get().is_some_and(|c| c.start == start) };
                let seats = s.seats_left;
                view! {
                    <button
                        class={move || if is_chosen() { "flex min-h-14 flex-col items-center justify-center rounded-lg border-2 border-brand bg-surface" } else { "flex min-h-14 flex-col items-center justify-center rounded-lg border-2 border-line bg-surface" }}
                        aria-pressed=move || is_chosen().to_string()
                        on:click=move |_| chosen.set(Some(s.clone()))>
                        <span class="font-bold">{time}</span>
                        <span class="text-xs text-muted">{if seats == 0 { prefs.t().slot_full.to_owned() } else { format!("{} {seats}", prefs.t().book_seats_left) }}</span>
                    </button>
                }
            }).collect_view()}
        </div>
    }
}

/// Channel, topic and description for the chosen slot; books it, or moves the booking named
/// by `?move=`.
#[component]
fn BookingForm(community_id: i64, free: FreeSlot) -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    let location = use_location();
    // The booking being moved (`?move=`), if any: fixed for the life of the form.
    let moving = location.query.with_untracked(|q| query_param(q, "move")).and_then(|id| id.parse::<i64>().ok());
    let channel = RwSignal::new(free.channels.first().copied().unwrap_or(Channel::InPerson));
    let topic = RwSignal::new(Topic::Other);
    let description = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let start = free.start;
    let submit = Submit::new(move |_: &()| async move {
        match moving {
            Some(booking_id) => {
                call::<RescheduleBooking>(RescheduleRequest {
                    booking_id,
                    slot_start: start,
                    reason: reason.get_untracked(),
                })
                .await
            }
            None => {
                call::<BookSlot>(BookRequest {
                    community_id,
                    slot_start: start,
                    channel: channel.get_untracked(),
                    topic: topic.get_untracked(),
                    description: description.get_untracked(),
                })
                .await
            }
        }
    });
    submit.then(move |answer| {
        if let Ok(booking) = answer {
            location.navigate(&format!("/bookings/{}", booking.id), false);
        }
    });
    let error = move || submit.value().get().and_then(Result::<_, AppError>::err);
    view! {
        <form class="space-y-3 rounded-lg border border-line bg-surface p-4" novalidate on:submit=move |ev| { ev.prevent_default(); submit.dispatch(()); }>
            {moving.is_none().then(|| view! {
                <fieldset>
                    <legend class="mb-1 font-bold">{prefs.t().book_channel}</legend>
                    {free.channels.clone().into_iter().map(|c| view! {
                        <label class="flex min-h-11 items-center gap-2">
                            <input type="radio" name="channel" class="h-5 w-5" checked=move || channel.get() == c on:change=move |_| channel.set(c) />
                            {c.label(prefs.t())}
                        </label>
                    }).collect_view()}
                </fieldset>
                <label class="block">
                    <span class="mb-1 block font-bold">{prefs.t().book_topic}</span>
                    <select class="min-h-12 w-full rounded-lg border border-line bg-surface px-3"
                        on:change=move |ev| { if let Some(t) = Topic::from_db(&event_target_value(&ev)) { topic.set(t) } }>
                        {Topic::ALL.iter().map(|t| view! { <option value=t.as_str() selected=move || topic.get() == *t>{t.label(prefs.t())}</option> }).collect_view()}
                    </select>
                </label>
                <label class="block">
                    <span class="mb-1 block font-bold">{prefs.t().book_description}</span>
                    <textarea rows="3" maxlength="500" class="w-full rounded-lg border border-line p-3" bind:value=description></textarea>
                </label>
            })}
            {moving.is_some().then(|| view! {
                <label class="block">
                    <span class="mb-1 block font-bold">{prefs.t().cancel_reason}</span>
                    <input type="text" maxlength="200" class="min-h-12 w-full rounded-lg border border-line px-3" bind:value=reason />
                </label>
            })}
            {move || error().map(error_note)}
            {move || if session.me.get().is_some() {
                view! { <button type="submit" class="min-h-12 w-full rounded-lg bg-brand font-bold text-white disabled:opacity-50" disabled=move || submit.pending().get()>{if moving.is_some() { prefs.t().reschedule } else { prefs.t().book_submit }}</button> }.into_any()
            } else {
                view! { <SignInLink class="flex min-h-12 items-center justify-center rounded-lg bg-brand font-bold text-white">{prefs.t().book_sign_in_first}</SignInLink> }.into_any()
            }}
        </form>
    }
}

/// A full slot: join its waitlist and be told when a seat frees.
#[component]
fn Waitlist(community_id: i64, free: FreeSlot) -> impl IntoView {
    let prefs = use_prefs();
    let join =
        Submit::new(move |_: &()| call::<JoinWaitlist>(WaitlistRequest { community_id, slot_start: free.start }));
    view! {
        <div class="space-y-2 rounded-lg border border-line bg-surface p-4">
            {move || match join.value().get() {
                Some(Ok(joined)) => view! { <p role="status" class="font-bold text-brand">{prefs.t().waitlist_joined}" "{joined.position}</p> }.into_any(),
                other => view! {
                    {other.and_then(Result::err).map(error_note)}
                    <button class="min-h-12 w-full rounded-lg border-2 border-brand font-bold text-brand" on:click=move |_| { join.dispatch(()); }>{prefs.t().waitlist_join}</button>
                }.into_any(),
            }}
        </div>
    }
}
