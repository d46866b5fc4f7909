use crate::api::booking::{CancelBooking, ListMyBookings, RateBooking};
use crate::api::call;
use crate::calendar::booking_ics;
use crate::domain::{BookingStatus, Channel};
use crate::model::{BookingView, CancelRequest, Empty, RateRequest};
use crate::time::{format_hh_mm, Instant};
use crate::ui::components::{error_note, loading};
use crate::ui::load::load;
use crate::ui::submit::Submit;
use crate::ui::{platform, use_prefs};
use leptos::prelude::*;

/// The booking slip: the code to show at the office, the details, and what can still be done.
#[component]
pub fn BookingSlipPage(booking_id: i64) -> impl IntoView {
    let bookings = load(|| call::<ListMyBookings>(Empty {}));
    let changed = RwSignal::new(None::<BookingView>);
    view! {
        {move || match (changed.get(), bookings.get()) {
            (Some(booking), _) => view! { <Slip booking changed /> }.into_any(),
            (None, None) => loading().into_any(),
            (None, Some(Err(error))) => error_note(error).into_any(),
            (None, Some(Ok(mine))) => {
                let found = mine.upcoming.into_iter().chain(mine.past).find(|b| b.id == booking_id);
                match found {
                    Some(booking) => view! { <Slip booking changed /> }.into_any(),
                    None => view! { <super::not_found::NotFoundPage /> }.into_any(),
                }
            }
        }}
    }
}

#[component]
fn Slip(booking: BookingView, changed: RwSignal<Option<BookingView>>) -> impl IntoView {
    let prefs = use_prefs();
    let (date, minutes) = booking.start.to_shanghai();
    let when = format!("{date} {}–{}", format_hh_mm(minutes), format_hh_mm(booking.end.to_shanghai().1));
    let status = booking.status;
    let for_ics = booking.clone();
    let download = move |_| {
        let now = Instant(js_now());
        platform::download(
            &format!("fai-{}.ics", for_ics.code),
            "text/calendar",
            &booking_ics(&for_ics, prefs.t(), now),
        );
    };
    view! {
        <section class="rounded-lg border-2 border-brand bg-surface p-4 text-center">
            <h1 class="text-muted">{prefs.t().book_code}</h1>
            <p class="font-mono text-[min(2.25rem,11vw)] font-bold tracking-widest" data-testid="booking-code">{booking.code.clone()}</p>
            <p class="mt-1 font-bold text-brand">{status.label(prefs.t())}</p>
            <p class="mt-1 text-sm text-muted">{prefs.t().book_show_slip}</p>
        </section>
        <dl class="my-4 space-y-2 rounded-lg bg-surface p-4">
            <div><dt class="text-sm text-muted">{prefs.t().when_label}</dt><dd class="font-bold">{when}</dd></div>
            <div><dt class="text-sm text-muted">{prefs.t().where_label}</dt><dd>{booking.community_name.clone()}" · "{booking.office_address.clone()}</dd></div>
            <div><dt class="text-sm text-muted">{prefs.t().lawyer_label}</dt><dd>{booking.lawyer_name.clone()}</dd></div>
            <div><dt class="text-sm text-muted">{prefs.t().book_channel}</dt><dd>{booking.channel.label(prefs.t())}" · "{booking.topic.label(prefs.t())}</dd></div>
        </dl>
        {(!booking.status_reason.is_empty()).then(|| view! { <p class="mb-4">{booking.status_reason.clone()}</p> })}
        <div class="space-y-3">
            {match booking.meeting_url.clone() {
                Some(url) => view! {
                    <a href=url rel="external noopener" target="_blank" class="flex min-h-12 items-center justify-center rounded-lg bg-brand font-bold text-white">{prefs.t().book_join_video}</a>
                }.into_any(),
                None if status.is_live() && booking.channel == Channel::Video => view! { <p class="text-sm text-muted">{prefs.t().book_video_later}</p> }.into_any(),
                None => ().into_any(),
            }}
            {status.is_live().then(|| view! {
                <button class="min-h-12 w-full rounded-lg border-2 border-brand font-bold text-brand" on:click=download.clone()>{prefs.t().book_add_calendar}</button>
            })}
            {booking.changeable.then(|| view! { <ChangeBooking booking=booking.clone() changed /> })}
            {(status == BookingStatus::Completed && booking.rating.is_none()).then(|| view! { <RateBooking booking_id=booking.id changed /> })}
            {booking.rating.map(|r| view! { <p class="text-brand">{prefs.t().rated}": "{"★".repeat(usize::from(r))}</p> })}
        </div>
    }
}

fn js_now() -> i64 {
    #[cfg(feature = "csr")]
    return js_sys::Date::now() as i64;
    #[cfg(not(feature = "csr"))]
    0
}

/// Cancel with a reason, or go and pick another time.
#[component]
fn ChangeBooking(booking: BookingView, changed: RwSignal<Option<BookingView>>) -> impl IntoView {
    let prefs = use_prefs();
    let reason = RwSignal::new(String::new());
    let id = booking.id;
    let cancel = Submit::new(move |_: &()| {
        call::<CancelBooking>(CancelRequest { booking_id: id, reason: reason.get_untracked() })
    });
    cancel.then(move |answer| {
        if let Ok(b) = answer {
            changed.set(Some(b.clone()));
        }
    });
    view! {
        <a href=format!("/communities/{}/book?move={id}", booking.community_id) class="flex min-h-12 items-center justify-center rounded-lg border-2 border-line font-bold">{prefs.t().reschedule}</a>
        <form class="space-y-2 rounded-lg border border-line p-3" novalidate on:submit=move |ev| { ev.prevent_default(); cancel.dispatch(()); }>
            <label class="block">
                <span class="mb-1 block">{prefs.t().cancel_reason}</span>
                <input type="text" maxlength="200" class="min-h-12 w-full rounded-lg border border-line px-3" bind:value=reason />
            </label>
            {move || cancel.value().get().and_then(Result::err).map(error_note)}
            <button type="submit" class="min-h-12 w-full rounded-lg bg-danger font-bold text-white">{prefs.t().cancel}</button>
        </form>
    }
}

/// One to five stars and a comment, once, after the consultation.
#[component]
fn RateBooking(booking_id: i64, changed: RwSignal<Option<BookingView>>) -> impl IntoView {
    let prefs = use_prefs();
    let stars = RwSignal::new(5u8);
    let comment = RwSignal::new(String::new());
    let rate = Submit::new(move |_: &()| {
        call::<RateBooking>(RateRequest { booking_id, rating: stars.get_untracked(), comment: comment.get_untracked() })
    });
    rate.then(move |answer| {
        if let Ok(b) = answer {
            changed.set(Some(b.clone()));
        }
    });
    view! {
        <form class="space-y-2 rounded-lg border border-line p-3" novalidate on:submit=move |ev| { ev.prevent_default(); rate.dispatch(()); }>
            <fieldset class="flex gap-1">
                <legend class="mb-1 font-bold">{prefs.t().rate}</legend>
                {(1..=5u8).map(|n| view! {
                    <button type="button" aria-label=format!("{n}") aria-pressed=move || (stars.get() == n).to_string()
                        class={move || if stars.get() >= n { "h-11 w-11 text-2xl text-brand" } else { "h-11 w-11 text-2xl text-line" }}
                        on:click=move |_| stars.set(n)>"★"</button>
                }).collect_view()}
            </fieldset>
            <label class="block">
                <span class="mb-1 block">{prefs.t().rate_comment}</span>
                <input type="text" maxlength="500" class="min-h-12 w-full rounded-lg border border-line px-3" bind:value=comment />
            </label>
            {move || rate.value().get().and_then(Result::err).map(error_note)}
            <button type="submit" class="min-h-12 w-full rounded-lg bg-brand font-bold text-white">{prefs.t().submit}</button>
        </form>
    }
}
