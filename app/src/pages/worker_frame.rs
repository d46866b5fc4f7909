//! The frame of a server page read by a lawyer, an assistant, a receiving body's staff member or
//! staff: the header leads back to the workbench, and there is no residents' tab bar (its tabs
//! are a resident's: booking, asking, 我的).

use crate::ui::use_prefs;
use leptos::prelude::*;

/// `main` in the workers' frame.
pub fn frame(main: impl IntoView) -> impl IntoView {
    let t = use_prefs().t();
    view! {
        <header class="sticky top-0 z-10 bg-brand text-white">
            <div class="mx-auto flex h-12 max-w-3xl items-center justify-between px-4">
                <span class="text-lg font-bold">{t.app_name}</span>
                <a href="/desk/" rel="external" class="flex min-h-11 items-center rounded px-3 text-sm hover:bg-white/20">{t.nav_desk}</a>
            </div>
        </header>
        <main class="mx-auto max-w-3xl px-4 pb-24 pt-4">{main}</main>
    }
}
