use crate::ui::use_prefs;
use leptos::prelude::*;

/// Says plainly that online questions are not open yet, and what to do meanwhile.
#[component]
pub fn SoonPage() -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <h1 class="mb-2 text-2xl font-bold">{prefs.t().soon_title}</h1>
        <p class="mb-4">{prefs.t().soon_questions}</p>
        <a href="/" class="flex min-h-12 items-center justify-center rounded-lg bg-brand font-bold text-white">{prefs.t().home_my_community}</a>
    }
}
