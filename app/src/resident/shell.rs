use super::tab_bar::tab_bar;
use crate::ui::router::use_location;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

/// The frame around every residents' page: a header, the page, and the bottom tab bar. A lawyer
/// or staff member who is signed in gets a link to the workbench in the header.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let session = use_session();
    let path = use_location().path;
    let is_worker = move || session.me.get().is_some_and(|me| me.role != crate::domain::Role::Resident);
    frame(is_worker, move || path.get(), children())
}

/// The header, `main` and the tab bar: the app's [`Shell`], and the frame of every page the
/// server renders (`crate::pages`), so that both look and work the same. Closures, not
/// `Signal`s: the residents' wasm would carry the derived signals' code for them.
pub fn frame(
    is_worker: impl Fn() -> bool + Send + Sync + 'static,
    path: impl Fn() -> String + Clone + Send + Sync + 'static,
    main: impl IntoView,
) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <header class="sticky top-0 z-10 bg-brand text-white">
            <div class="mx-auto flex h-12 max-w-3xl items-center justify-between px-4">
                <a href="/" class="text-lg font-bold">{prefs.t().app_name}</a>
                {move || is_worker().then(|| view! {
                    <a href="/desk/" rel="external" class="flex min-h-11 items-center rounded px-3 text-sm hover:bg-white/20">{prefs.t().nav_desk}</a>
                })}
            </div>
        </header>
        <main class="mx-auto max-w-3xl px-4 pb-24 pt-4">{main}</main>
        {tab_bar(path)}
    }
}
