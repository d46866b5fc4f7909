use leptos::prelude::*;

/// A page heading with an optional line below it.
#[component]
pub fn PageTitle(
    title: &'static str,
    #[prop(optional, into)] subtitle: Option<String>,
) -> impl IntoView {
    view! {
        <h1 class="mb-1 text-2xl font-bold text-ink">{title}</h1>
        {subtitle.map(|s| view! { <p class="mb-4 text-muted">{s}</p> })}
    }
}
