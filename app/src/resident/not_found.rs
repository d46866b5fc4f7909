use crate::ui::use_prefs;
use leptos::prelude::*;

/// Any path the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <h1 class="mb-2 text-2xl font-bold">{prefs.t().err_not_found}</h1>
        <a href="/" class="text-brand underline">{prefs.t().tab_home}</a>
    }
}
