//! The residents' app, served at `/`: find the community's lawyers, book, and (later) ask, read
//! and share. It is its own wasm, built from `bin/resident.rs`, so residents on a weak network
//! download none of the workbench.

mod book;
mod booking_slip;
mod community;
mod home;
mod me;
mod my_bookings;
mod not_found;
mod shell;
mod sign_in;
mod soon;
mod street;
mod tab_bar;

use crate::ui::{Prefs, SessionState};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// Mounts the residents' app on `<body>`.
pub fn mount() {
    crate::ui::mount(App);
}

/// The residents' app: its routes inside the shell with the bottom tab bar.
#[component]
pub fn App() -> impl IntoView {
    Prefs::provide();
    SessionState::provide();
    view! {
        <Router>
            <shell::Shell>
                <Routes fallback=not_found::NotFoundPage>
                    <Route path=path!("/") view=home::HomePage />
                    <Route path=path!("/streets/:id") view=street::StreetPage />
                    <Route path=path!("/communities/:id") view=community::CommunityPage />
                    <Route path=path!("/communities/:id/book") view=book::BookPage />
                    <Route path=path!("/booking") view=book::BookingTab />
                    <Route path=path!("/bookings") view=my_bookings::MyBookingsPage />
                    <Route path=path!("/bookings/:id") view=booking_slip::BookingSlipPage />
                    <Route path=path!("/questions") view=|| view! { <soon::SoonPage what=soon::Soon::Questions /> } />
                    <Route path=path!("/library") view=|| view! { <soon::SoonPage what=soon::Soon::Library /> } />
                    <Route path=path!("/me") view=me::MePage />
                    <Route path=path!("/sign-in") view=sign_in::SignInPage />
                </Routes>
            </shell::Shell>
        </Router>
    }
}
