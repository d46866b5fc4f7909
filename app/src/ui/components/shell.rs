use crate::ui::components::{StaffNav, TabBar};
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

/// The frame around every page: a header, the page, and the navigation for the caller's role
/// (a bottom tab bar for residents and visitors, a top bar for lawyers and staff).
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    let is_worker = move || session.me.get().is_some_and(|me| me.role != crate::domain::Role::Resident);
    view! {
        <header class="sticky top-0 z-10 bg-brand text-white">
            <div class="mx-auto flex h-12 max-w-3xl items-center justify-between px-4">
                <a href="/" class="text-lg font-bold">{move || prefs.t().app_name}</a>
                <Show when=is_worker>
                    <StaffNav />
                </Show>
            </div>
        </header>
        <main class="mx-auto max-w-3xl px-4 pb-24 pt-4">{children()}</main>
        <Show when=move || !is_worker()>
            <TabBar />
        </Show>
    }
}

/// A page heading with an optional line below it.
#[component]
pub fn PageTitle(
    #[prop(into)] title: Signal<String>,
    #[prop(optional, into)] subtitle: Option<Signal<String>>,
) -> impl IntoView {
    view! {
        <h1 class="mb-1 text-2xl font-bold text-ink">{title}</h1>
        {subtitle.map(|s| view! { <p class="mb-4 text-muted">{s}</p> })}
    }
}
