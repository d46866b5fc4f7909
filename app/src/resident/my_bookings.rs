use crate::api::booking::ListMyBookings;
use crate::api::call;
use crate::model::{BookingView, Empty};
use crate::time::format_hh_mm;
use crate::ui::components::{loaded, page_title};
use crate::ui::load::load;
use crate::ui::use_prefs;
use leptos::prelude::*;

/// 我的预约: upcoming bookings first, then the history.
#[component]
pub fn MyBookingsPage() -> impl IntoView {
    let prefs = use_prefs();
    let bookings = load(|| call::<ListMyBookings>(Empty {}));
    view! {
        {page_title(prefs.t().my_bookings)}
        {move || loaded(bookings.get(), |mine| view! {
            <h2 class="mb-2 text-lg font-bold">{prefs.t().my_upcoming}</h2>
            <BookingList bookings=mine.upcoming />
            <h2 class="mb-2 mt-6 text-lg font-bold">{prefs.t().my_past}</h2>
            <BookingList bookings=mine.past />
        }.into_any())}
    }
}

/// Bookings as links to their slips.
#[component]
fn BookingList(bookings: Vec<BookingView>) -> impl IntoView {
    let prefs = use_prefs();
    if bookings.is_empty() {
        return view! { <p class="text-muted">{prefs.t().my_none}</p> }.into_any();
    }
    view! {
        <ul class="space-y-2">
            {bookings.into_iter().map(|b| {
                let (date, minutes) = b.start.to_shanghai();
                let when = format!("{date} {}", format_hh_mm(minutes));
                view! {
                    <li>
                        <a href=format!("/bookings/{}", b.id) class="block rounded-lg border border-line bg-surface p-3">
                            <span class="flex justify-between font-bold"><span>{when}</span><span class="text-brand">{b.status.label(prefs.t())}</span></span>
                            <span class="block text-sm text-muted">{b.community_name.clone()}" · "{b.topic.label(prefs.t())}</span>
                        </a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
