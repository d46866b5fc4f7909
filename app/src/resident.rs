//! The residents' app, served at `/`: find the community and book. A street's communities, a
//! community's team, online questions, 普法 articles, the library and 我的资料 are pages the
//! server renders in the same frame (`/streets/:id`, `/communities/:id`, `/questions`,
//! `/articles`, `/library`, `/me/files`; see [`crate::pages`]), linked from here.
//! It is its own wasm, built from `bin/resident.rs`, so residents on a weak network download
//! none of the workbench.

mod book;
mod booking_slip;
mod home;
mod me;
mod my_bookings;
mod not_found;
pub(crate) mod shell;
mod sign_in;
mod tab_bar;

use crate::ui::router::{segments, Location};
use crate::ui::{Prefs, SessionState};
use leptos::prelude::*;

/// Mounts the residents' app on `<body>`.
pub fn mount() {
    crate::ui::mount(App);
}

/// A page of the residents' app, with what its path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `/`: streets, and the resident's own community.
    Home,
    /// `/communities/:id/book`.
    Book(i64),
    /// `/booking`: the 预约 tab.
    BookingTab,
    /// `/bookings`.
    MyBookings,
    /// `/bookings/:id`: a booking slip.
    Booking(i64),
    /// `/me`.
    Me,
    /// `/sign-in`.
    SignIn,
    /// Anything else.
    NotFound,
}

impl Page {
    /// The page a path shows.
    pub fn of(path: &str) -> Page {
        let id = |s: &str| s.parse::<i64>().ok();
        match segments(path).as_slice() {
            [] => Page::Home,
            ["communities", s, "book"] => id(s).map_or(Page::NotFound, Page::Book),
            ["booking"] => Page::BookingTab,
            ["bookings"] => Page::MyBookings,
            ["bookings", s] => id(s).map_or(Page::NotFound, Page::Booking),
            ["me"] => Page::Me,
            ["sign-in"] => Page::SignIn,
            _ => Page::NotFound,
        }
    }
}

/// The residents' app: the page the address names, inside the shell with the bottom tab bar.
#[component]
pub fn App() -> impl IntoView {
    Prefs::provide();
    SessionState::provide();
    let location = Location::provide();
    let page = Memo::new(move |_| Page::of(&location.path.get()));
    let prefs = crate::ui::use_prefs();
    // Rendered again when the language changes: every text on the page is plain text.
    move || {
        prefs.lang.track();
        view! {
            <shell::Shell>
                {move || match page.get() {
                    Page::Home => view! { <home::HomePage /> }.into_any(),
                    Page::Book(id) => view! { <book::BookPage community_id=id /> }.into_any(),
                    Page::BookingTab => view! { <book::BookingTab /> }.into_any(),
                    Page::MyBookings => view! { <my_bookings::MyBookingsPage /> }.into_any(),
                    Page::Booking(id) => view! { <booking_slip::BookingSlipPage booking_id=id /> }.into_any(),
                    Page::Me => view! { <me::MePage /> }.into_any(),
                    Page::SignIn => view! { <sign_in::SignInPage /> }.into_any(),
                    Page::NotFound => view! { <not_found::NotFoundPage /> }.into_any(),
                }}
            </shell::Shell>
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Page;

    #[test]
    fn paths_name_their_pages() {
        assert_eq!(Page::of("/"), Page::Home);
        assert_eq!(Page::of("/streets/3"), Page::NotFound, "the server renders streets");
        assert_eq!(Page::of("/communities/4"), Page::NotFound, "and communities");
        assert_eq!(Page::of("/communities/4/book"), Page::Book(4));
        assert_eq!(Page::of("/bookings/12"), Page::Booking(12));
        assert_eq!(Page::of("/sign-in"), Page::SignIn);
        assert_eq!(Page::of("/library"), Page::NotFound, "the server renders the library");
        assert_eq!(Page::of("/communities/x"), Page::NotFound);
        assert_eq!(Page::of("/desk"), Page::NotFound);
    }
}
