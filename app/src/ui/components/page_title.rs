use leptos::prelude::*;

/// A page heading.
pub fn page_title(title: &'static str) -> impl IntoView {
    view! { <h1 class="mb-1 text-2xl font-bold text-ink">{title}</h1> }
}
