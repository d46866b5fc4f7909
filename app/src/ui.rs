//! The browser app: routes, shell and shared state. Pages live in `pages/`, reusable pieces in
//! `components/`; logic that is more than wiring lives in plain functions with tests.

mod components;
mod pages;
pub mod platform;
mod state;

use components::Shell;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::{
    BookPage, BookingSlipPage, BookingTab, CommunityPage, DeskPage, HomePage, MePage, MyBookingsPage, NotFoundPage,
    SignInPage, SoonPage, StreetPage,
};
pub use state::{use_prefs, use_session, Prefs, SessionState};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let prefs = Prefs::load();
    prefs.apply_to_document();
    provide_context(prefs);
    provide_context(SessionState::load());

    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/streets/:id") view=StreetPage />
                    <Route path=path!("/communities/:id") view=CommunityPage />
                    <Route path=path!("/communities/:id/book") view=BookPage />
                    <Route path=path!("/booking") view=BookingTab />
                    <Route path=path!("/bookings") view=MyBookingsPage />
                    <Route path=path!("/bookings/:id") view=BookingSlipPage />
                    <Route path=path!("/questions") view=|| view! { <SoonPage what=pages::Soon::Questions /> } />
                    <Route path=path!("/library") view=|| view! { <SoonPage what=pages::Soon::Library /> } />
                    <Route path=path!("/me") view=MePage />
                    <Route path=path!("/sign-in") view=SignInPage />
                    <Route path=path!("/desk") view=DeskPage />
                </Routes>
            </Shell>
        </Router>
    }
}
