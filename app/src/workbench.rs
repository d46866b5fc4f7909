//! The workbench, served under `/desk/`: the lawyers' and assistants' desk and the bureau staff's
//! coverage. Its own wasm, built from `bin/workbench.rs`; it shares wire types, components, i18n
//! and server functions with the residents' app.

mod account;
mod coverage;
mod desk;
mod duty;
mod shell;
mod sign_in;

use crate::ui::{Prefs, SessionState};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// Where the workbench is served; every route and link in it starts here.
pub const BASE: &str = "/desk";

/// Mounts the workbench on `<body>`.
pub fn mount() {
    crate::ui::mount(App);
}

/// The workbench: its routes inside the shell with the top navigation.
#[component]
pub fn App() -> impl IntoView {
    Prefs::provide();
    SessionState::provide();
    view! {
        <Router>
            <shell::Shell>
                <Routes fallback=desk::DeskPage>
                    <Route path=path!("/desk") view=desk::DeskPage />
                    <Route path=path!("/desk/sign-in") view=sign_in::SignInPage />
                </Routes>
            </shell::Shell>
        </Router>
    }
}
